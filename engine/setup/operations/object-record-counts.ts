import { msg } from '../../i18n/message.js';
import { checkSystemRight } from '../../security/object-access.js';
import { coreObjects } from '../../metadata/core-metadata.js';
import type { OperationContext } from '../../context/index.js';

/** What the object manager shows of each object beside its definition. */
export interface ObjectSummary {
  /** Live records (the recycle bin left out). */
  readonly records: number;
  /** A core object every tenant has (metadata/*.object.json), as opposed to one an admin defined. */
  readonly standard: boolean;
}

const CORE_NAMES = new Set(coreObjects().map((object) => object.name));

/**
 * Every object's record count, for administrators: the collection's size (which the embedded store
 * knows without reading a record) less what waits in the recycle bin (few records), so a list of
 * all objects costs two cheap counts per object, not a scan of every record.
 */
export async function objectRecordCounts(ctx: OperationContext): Promise<Record<string, ObjectSummary>> {
  checkSystemRight(ctx, 'manageMetadata', msg`Only users who may manage metadata (administrators) can read the record counts of every object.`);
  const objects = [...ctx.snapshot.objects.values()];
  const counted = await Promise.all(
    objects.map(async (object) => {
      const collection = ctx.tenant.store.collection(object.collection);
      const [all, binned] = await Promise.all([collection.count({}), collection.count({ _deleted: true })]);
      return [object.name, { records: all - binned, standard: CORE_NAMES.has(object.name) }] as const;
    }),
  );
  return Object.fromEntries(counted);
}
