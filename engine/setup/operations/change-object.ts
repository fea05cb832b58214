import { ConflictError } from '../../errors/index.js';
import { applyChange } from './apply-change.js';
import { buildIndexesAhead, ensureObjectIndexes, restoreIndexes } from '../../metadata/object-indexes.js';
import type { OperationContext } from '../../context/index.js';
import type { MetadataAction, MetadataChange } from '../../metadata/metadata-registry.js';
import type { ObjectDefinition } from '../../schemas/generated/object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { migrateRecords } from './field-migration.js';
import { PERSONAL_VIEWS } from '../../metadata/metadata-collections.js';
import { requireObject } from './require-object.js';
import { byCount, msg } from '../../i18n/message.js';

export interface PlannedDefinition {
  next: ObjectDefinition;
  renamedField?: { from: string; to: string };
}

/**
 * The one path of every change to an existing object, whichever route asked for it. `build`
 * derives the new definition from the current one under the registry's lock; API names stay
 * fixed once records exist; the records follow the new definition in the same unit of work, and
 * the indexes it declares are built before it commits (see buildIndexesAhead).
 */
export async function changeObject(
  ctx: OperationContext,
  action: Extract<MetadataAction, 'object.update' | `field.${string}`>,
  objectName: string,
  build: (current: ObjectDefinition) => PlannedDefinition,
): Promise<Snapshot> {
  return applyChange(ctx, (current) => objectChange(ctx, current, action, objectName, build(requireObject(current, objectName).definition)));
}

/** The metadata change of an existing object to its planned definition, as `changeObject` applies it (and a pack's install, with others). */
export function objectChange(
  ctx: OperationContext,
  current: Snapshot,
  action: Extract<MetadataAction, 'object.update' | `field.${string}`>,
  objectName: string,
  { next, renamedField }: PlannedDefinition,
): MetadataChange {
  const renamed = next.name !== objectName;
  if (renamed && current.object(next.name)) {
    throw new ConflictError('already_exists', msg`An object named '${next.name}' already exists.`, [{ path: '/name', message: msg`is taken` }]);
  }
  return {
    kind: 'object',
    action,
    name: objectName,
    next,
    by: ctx.principal.userId,
    async migrate(tx, before, after) {
      const old = before.object(objectName)!;
      const compiled = after.object(next.name)!;
      if (renamed || renamedField) {
        const count = await tx.collection(old.collection).count({});
        if (count > 0) {
          const what = renamed ? msg`object '${objectName}'` : msg`field '${renamedField!.from}'`;
          throw new ConflictError(
            'api_name_locked',
            byCount(count, msg`The API name of ${what} cannot change: 1 record uses it. Change the label instead.`, msg`The API name of ${what} cannot change: ${count} records use it. Change the label instead.`),
            [{ path: renamed ? '/name' : `/fields/${renamedField!.from}/name`, message: msg`cannot change once records exist` }],
          );
        }
      }
      await migrateRecords(tx, old, compiled, after);
      // Users' own views follow the object to its new name (it has no records, so no recent ones).
      if (renamed) await tx.collection(PERSONAL_VIEWS).updateMany({ object: objectName }, { $set: { object: next.name, 'definition.object': next.name } });
    },
    prepare: (store, before, after) => buildIndexesAhead(store, before.object(objectName), after.object(next.name)!),
    restore: (store, current, after) => restoreIndexes(store, current.object(next.name) ?? current.object(objectName), after.object(next.name)!),
    async afterCommit(store, after) {
      await ensureObjectIndexes(store, after.object(next.name)!);
      if (renamed) await store.dropCollection(`records.${objectName}`);
    },
  };
}
