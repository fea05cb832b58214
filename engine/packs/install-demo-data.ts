import type { OperationContext } from '../context/index.js';
import { EngineError, isEngineError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { insertRecord } from '../records/index.js';
import { writeOwner } from '../records/sharing/transfer-owner.js';
import { recordObject } from '../records/record-object.js';
import type { Collections } from '../store/port.js';
import { demoRecordsToCreate, type PendingRecord } from './demo-data-order.js';
import { dataFile, OWNER, type DemoKeys, type PackData } from './pack-data.js';

/**
 * Creates a pack's demo records inside the install's unit of work, through the write path a
 * client's create takes (access, defaults, validation, formulas and rules, roll-ups, automation,
 * history and audit), as the admin who installs, with `ctx` on the metadata the install makes.
 * Parents come first; a `{ "$key" }` becomes the id of the record made for that key (now, or by an
 * earlier install of the pack, else by a pack it requires: `required`), and one in `_owner` (a
 * demo user's) the record's owner, written as a transfer.
 * Records whose keys an earlier install created are not made again. A record the write path
 * refuses fails the install with its error, each detail at the record's file, index and field
 * (`/data/contact.json/2/email`). Returns every demo key the tenant has now, and how many records
 * were created per object.
 */
export async function installDemoData(
  tx: Collections,
  ctx: OperationContext,
  data: PackData,
  installed: DemoKeys,
  required: DemoKeys = {},
): Promise<{ keys: DemoKeys; created: Record<string, number> }> {
  const keys: DemoKeys = structuredClone(installed);
  const pendingRecords = demoRecordsToCreate(ctx.snapshot, data, installed, required);
  const idOf = (reference: { object: string; key: string }) => keys[reference.object]?.[reference.key] ?? required[reference.object]![reference.key]!;
  for (const pending of pendingRecords) {
    const { _key: key, [OWNER]: _owner, ...values } = pending.record;
    for (const [field, reference] of pending.references) if (field !== OWNER) values[field] = idOf(reference);
    const owner = pending.references.get(OWNER);
    try {
      const record = await insertRecord(tx, ctx, pending.object, values);
      // the owner a demo record names takes it over from the admin, as a transfer does
      if (owner) await writeOwner(tx, ctx, recordObject(ctx, pending.object), record, idOf(owner));
      (keys[pending.object] ??= {})[key] = record._id;
    } catch (error) {
      throw located(error, pending);
    }
  }
  return { keys, created: demoDataCounts(pendingRecords) };
}

/** The demo records an install with demo data would create, per object (none of the keys installed before). */
export function demoDataCounts(pending: readonly PendingRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { object } of pending) counts[object] = (counts[object] ?? 0) + 1;
  return counts;
}

/** The write path's refusal of a demo record, its details placed in the pack's file. */
function located(error: unknown, pending: PendingRecord): unknown {
  if (!isEngineError(error)) return error;
  const at = `${dataFile(pending.object)}/${pending.index}`;
  const details = error.details.length > 0 ? error.details : [{ path: '', message: error.text }];
  return new EngineError(error.code, error.status, msg`Demo record '${pending.record._key}' (${at}) cannot be created: ${error.text}`, {
    details: details.map((detail) => ({ ...detail, path: `${at}${detail.path}` })),
  });
}
