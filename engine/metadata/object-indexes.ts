import { DuplicateKeyError } from '../store/duplicate-key-error.js';
import type { IndexSpec, Store } from '../store/port.js';
import { HISTORY_INDEXES, historyCollection, type CompiledObject } from './compiled-object.js';
import { refuseSharedValues } from './shared-values.js';
import type { Snapshot } from './snapshot.js';

/** The indexes an object declares, on its records and on its field history. */
export async function ensureObjectIndexes(store: Store, compiled: CompiledObject): Promise<void> {
  await store.ensureIndexes(compiled.collection, [...compiled.indexes]);
  await store.ensureIndexes(historyCollection(compiled.name), [...HISTORY_INDEXES]);
}

/**
 * Every object's indexes, as a tenant opens: an index lost or never built (a crash between a
 * metadata commit and its indexes, a restore from a dump without them) comes back before the
 * first request. Unchanged indexes cost one listing per collection.
 */
export async function ensureSnapshotIndexes(store: Store, snapshot: Snapshot): Promise<void> {
  for (const compiled of snapshot.objects.values()) await ensureObjectIndexes(store, compiled);
}

/**
 * Builds the indexes a changed object declares BEFORE the change commits, beside the ones it
 * declared until now: a unique index then exists before any write can rely on it, and one that
 * cannot be built over the existing records refuses the change (409 `duplicate_values`, with how
 * many records share each of a few values). A field whose values the change converts (a new type,
 * a new auto-number) is indexed after the commit instead: its old values are not the ones indexed.
 */
export async function buildIndexesAhead(store: Store, before: CompiledObject | undefined, after: CompiledObject): Promise<void> {
  const converted = (spec: IndexSpec) => Object.keys(spec.keys).some((key) => before?.field(key) !== undefined && before.field(key)?.type !== after.field(key)?.type);
  const ahead = after.indexes.filter((spec) => !converted(spec));
  const aheadNames = new Set(ahead.map((spec) => spec.name));
  const kept = before?.collection === after.collection ? before.indexes.filter((spec) => !aheadNames.has(spec.name)) : [];
  try {
    await store.ensureIndexes(after.collection, [...ahead, ...kept]);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    await refuseSharedValues(store.collection(after.collection), error.keys);
    throw error;
  }
}

/** Puts the indexes back as `before` declares them when the change did not commit. */
export async function restoreIndexes(store: Store, before: CompiledObject | undefined, after: CompiledObject): Promise<void> {
  await store.ensureIndexes(after.collection, before?.collection === after.collection ? [...before.indexes] : []);
}
