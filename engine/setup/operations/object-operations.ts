import { ConflictError, ValidationError } from '../../errors/index.js';
import { checkSetupRight, hasSystemRight } from '../../security/object-access.js';
import { objectForUser, type ObjectView } from './definitions-for-users.js';
import { applyChange } from './apply-change.js';
import { historyCollection } from '../../metadata/compiled-object.js';
import { buildIndexesAhead, ensureObjectIndexes, restoreIndexes } from '../../metadata/object-indexes.js';
import { visibleSnapshot } from '../../security/access/visible-metadata.js';
import type { OperationContext } from '../../context/index.js';
import { checkDefinition } from '../../metadata/definition-validator.js';
import { COUNTERS, PERSONAL_VIEWS } from '../../metadata/metadata-collections.js';
import type { ObjectDefinition } from '../../schemas/generated/object.js';
import { changeObject } from './change-object.js';
import { newExposureWarnings, type MetadataWarning } from '../../metadata/exposure-warnings.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { MetadataChange } from '../../metadata/metadata-registry.js';
import { requireObject } from './require-object.js';
import { RECENT_RECORDS } from '../../records/recent/recent-records.js';
import { byCount, msg } from '../../i18n/message.js';
import { dropGuardsOf } from '../../records/relationships/reference-guard.js';

export interface DefinitionResponse<T> {
  definition: T;
  /** The tenant's metadata version after the change. */
  version: number;
  /** What the change introduced that is allowed but deserves a second look; present only when there is some. */
  warnings?: MetadataWarning[];
}

/** The response of a metadata write, with the warnings the change introduced (ctx.snapshot is the state it started from). */
export function withWarnings<T>(ctx: OperationContext, after: Snapshot, response: DefinitionResponse<T>): DefinitionResponse<T> {
  const warnings = newExposureWarnings(ctx.snapshot, after);
  return warnings.length > 0 ? { ...response, warnings } : response;
}

/**
 * The object definitions the user may know of: every one, whole, for administrators (manage
 * metadata); for other users the objects they may read, without the fields hidden from them and
 * without the logic (see objectForUser).
 */
export function listObjects(ctx: OperationContext): (ObjectDefinition | ObjectView)[] {
  return [...visibleSnapshot(ctx.snapshot, ctx.principal).objects.values()].map((compiled) => objectAsSeen(ctx, compiled.definition));
}

export function getObject(ctx: OperationContext, name: string): ObjectDefinition | ObjectView {
  return objectAsSeen(ctx, requireObject(visibleSnapshot(ctx.snapshot, ctx.principal), name).definition);
}

function objectAsSeen(ctx: OperationContext, definition: ObjectDefinition): ObjectDefinition | ObjectView {
  return hasSystemRight(ctx, 'manageMetadata') ? definition : objectForUser(definition);
}

export async function createObject(ctx: OperationContext, body: unknown): Promise<DefinitionResponse<ObjectDefinition>> {
  checkSetupRight(ctx);
  const definition = parseObject(body);
  const after = await applyChange(ctx, (current) => objectCreation(ctx, current, definition));
  return withWarnings(ctx, after, { definition: after.object(definition.name)!.definition, version: after.version });
}

/** The metadata change that creates an object, its indexes built before it commits (the API's create, a pack's install). */
export function objectCreation(ctx: OperationContext, current: Snapshot, definition: ObjectDefinition): MetadataChange {
  if (current.object(definition.name)) {
    throw new ConflictError('already_exists', msg`An object named '${definition.name}' already exists.`, [{ path: '/name', message: msg`is taken` }]);
  }
  return {
    kind: 'object',
    action: 'object.create',
    name: definition.name,
    next: definition,
    by: ctx.principal.userId,
    prepare: (store, _before, after) => buildIndexesAhead(store, undefined, after.object(definition.name)!),
    restore: (store, current, after) => restoreIndexes(store, current.object(definition.name), after.object(definition.name)!),
    afterCommit: (store, after) => ensureObjectIndexes(store, after.object(definition.name)!),
  };
}

/** PUT: the body is the whole new definition; its name may differ (a rename) while no records exist. */
export async function replaceObject(ctx: OperationContext, name: string, body: unknown): Promise<DefinitionResponse<ObjectDefinition>> {
  checkSetupRight(ctx);
  const definition = parseObject(body);
  const after = await changeObject(ctx, 'object.update', name, () => ({ next: definition }));
  return withWarnings(ctx, after, { definition: after.object(definition.name)!.definition, version: after.version });
}

/** PATCH: the body's top-level properties replace the stored ones; `fields`, if sent, replaces the list. */
export async function patchObject(ctx: OperationContext, name: string, body: unknown): Promise<DefinitionResponse<ObjectDefinition>> {
  checkSetupRight(ctx);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([{ path: '', message: msg`must be an object with the properties to change` }]);
  }
  let newName = name;
  const after = await changeObject(ctx, 'object.update', name, (current) => {
    const next = parseObject({ ...current, ...body });
    newName = next.name;
    return { next };
  });
  return withWarnings(ctx, after, { definition: after.object(newName)!.definition, version: after.version });
}

export async function deleteObject(
  ctx: OperationContext,
  name: string,
  options: { deleteRecords: boolean },
): Promise<{ version: number }> {
  checkSetupRight(ctx);
  const after = await applyChange(ctx, (current) => objectDeletion(ctx, current, name, options));
  return { version: after.version };
}

/** The metadata change that deletes an object with its shared list views, and its records only when asked (the API's delete, a pack's uninstall). */
export function objectDeletion(ctx: OperationContext, current: Snapshot, name: string, options: { deleteRecords: boolean }): MetadataChange {
  const compiled = requireObject(current, name);
  return {
    kind: 'object',
    action: 'object.delete',
    name,
    next: null,
    by: ctx.principal.userId,
    // Its list views go with it: the shared ones (metadata) here, the personal ones in migrate.
    removes: current.listViewsOf(name).map((view) => ({ kind: 'listView' as const, name: view.name })),
    async migrate(tx) {
      const records = tx.collection(compiled.collection);
      const count = await records.count({});
      if (count > 0 && !options.deleteRecords) {
        throw new ConflictError(
          'object_has_records',
          byCount(count, msg`Object '${name}' has 1 record. Delete it first, or repeat with ?deleteRecords=true to delete it with the object.`, msg`Object '${name}' has ${count} records. Delete them first, or repeat with ?deleteRecords=true to delete them with the object.`),
        );
      }
      await records.deleteMany({});
      await dropGuardsOf(tx, compiled.collection);
      await tx.collection(COUNTERS).deleteMany({ _id: { $regex: `^${name}\\.` } });
      await tx.collection(PERSONAL_VIEWS).deleteMany({ object: name });
      await tx.collection(RECENT_RECORDS).deleteMany({ object: name });
    },
    async afterCommit(store) {
      await store.dropCollection(compiled.collection);
      await store.dropCollection(historyCollection(name));
    },
  };
}

function parseObject(body: unknown): ObjectDefinition {
  const checked = checkDefinition('object', body);
  if (!checked.ok) throw new ValidationError(checked.problems);
  return checked.definition;
}
