import type { OperationContext } from '../context/index.js';
import { NotFoundError, ValidationError } from '../errors/index.js';
import { fieldTypeOf } from '../fields/index.js';
import { msg } from '../i18n/message.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { fieldAccess, recordAccess, withAccess } from '../security/access/index.js';
import { MAX_DEMO_RECORDS, type DemoRecord, type PackData } from './pack-data.js';

/**
 * The records of the chosen objects as a pack's demo data, for a consultant who builds an example
 * in a test tenant and ships it: each record the admin may read, in the order it was created,
 * with the fields a client may write and the admin may see (no system, computed or hidden ones).
 * Its demo key is its id, which stays the same at every export, so installing a later export
 * makes no second copy. A lookup to an exported record becomes `{ "$key": … }`; a lookup to a
 * record left out (a user, an object not chosen) is left out, as the other tenant has no such record.
 */
export async function exportDemoData(ctx: OperationContext, objectNames: readonly string[]): Promise<PackData> {
  const objects = objectNames.map((name, index) => {
    const object = ctx.snapshot.object(name);
    if (!object) throw new NotFoundError(msg`There is no object named '${name}' to export records of (data/${index}).`);
    return object;
  });
  const read = new Map<string, StoredRecord[]>();
  let count = 0;
  for (const object of objects) {
    const access = await recordAccess(ctx, object, 'read');
    const records = await ctx.tenant.store.collection<StoredRecord>(object.collection).find(alive(withAccess({}, access)), { sort: { _createdAt: 1, _id: 1 }, limit: MAX_DEMO_RECORDS + 1 });
    count += records.length;
    if (count > MAX_DEMO_RECORDS) throw new ValidationError([{ path: '/data', message: msg`holds ${count} records; a pack may hold at most ${MAX_DEMO_RECORDS}` }]);
    read.set(object.name, records);
  }
  const exported = (object: string, id: unknown) => typeof id === 'string' && (read.get(object)?.some((record) => record._id === id) ?? false);
  return Object.fromEntries(objects.map((object) => [object.name, read.get(object.name)!.map((record) => demoRecord(ctx, object, record, exported))]));
}

function demoRecord(ctx: OperationContext, object: CompiledObject, record: StoredRecord, exported: (object: string, id: unknown) => boolean): DemoRecord {
  const { hidden } = fieldAccess(ctx, object);
  const demo: DemoRecord = { _key: record._id };
  for (const field of object.object.fields) {
    const value = record[field.name];
    if (value === null || value === undefined || hidden.has(field.name) || !fieldTypeOf(field).writable) continue;
    if (field.type === 'lookup' || field.type === 'masterdetail') {
      if (exported(field.target, value)) demo[field.name] = { $key: value };
    } else demo[field.name] = value;
  }
  return demo;
}
