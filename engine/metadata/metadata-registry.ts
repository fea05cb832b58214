import { Mutex } from '../concurrency/mutex.js';
import { ConflictError, ValidationError, type ErrorDetail } from '../errors/index.js';
import { newId } from '../store/new-id.js';
import type { Collections, Doc, Store } from '../store/port.js';
import { compileSnapshot } from './compile-snapshot.js';
import {
  META_DEFINITIONS,
  META_HISTORY,
  META_STATE,
  METADATA_VERSION_ID,
  definitionId,
} from './metadata-collections.js';
import type { ObjectDefinition } from './schemas/generated/object.js';
import { Snapshot } from './snapshot.js';

interface DefinitionDoc extends Doc {
  kind: 'object';
  name: string;
  definition: ObjectDefinition;
  version: number;
}

interface VersionDoc extends Doc {
  version: number;
}

/** One change to one object's definition, with the data work that must land with it. */
export interface ObjectChange {
  action: 'object.create' | 'object.update' | 'object.delete' | 'field.create' | 'field.update' | 'field.delete';
  /** The object as named before the change (its new name may differ, a rename). */
  objectName: string;
  /** The object's new definition; null deletes it. */
  next: ObjectDefinition | null;
  /** Who changes it, for the history. */
  by: string;
  /**
   * Checks and data changes inside the same unit of work as the metadata write: converting
   * values, clearing a removed field. Throwing refuses the change and nothing is written.
   */
  migrate?(tx: Collections, before: Snapshot, after: Snapshot): Promise<void>;
  /** Store work outside the unit of work once it committed: indexes, dropping collections. */
  afterCommit?(store: Store, after: Snapshot): Promise<void>;
}

/**
 * A tenant's metadata: the current snapshot, and the one way to change it. Changes run one at a
 * time; each validates, compiles a whole new snapshot, writes definition, history and version in
 * one unit of work, then swaps the snapshot in one assignment.
 */
export class MetadataRegistry {
  private current: Snapshot;
  private readonly changes = new Mutex();

  private constructor(
    private readonly store: Store,
    snapshot: Snapshot,
  ) {
    this.current = snapshot;
  }

  static async open(store: Store): Promise<MetadataRegistry> {
    return new MetadataRegistry(store, await loadSnapshot(store));
  }

  get snapshot(): Snapshot {
    return this.current;
  }

  /** Takes another instance's changes when the stored version moved past ours. */
  async refresh(): Promise<void> {
    await this.changes.run(async () => {
      const stored = await this.store.collection<VersionDoc>(META_STATE).findOne({ _id: METADATA_VERSION_ID });
      if ((stored?.version ?? 0) !== this.current.version) this.current = await loadSnapshot(this.store, this.current);
    });
  }

  /**
   * Plans and applies one change. `plan` runs under the registry's lock with the current
   * snapshot, so a change is always computed from the state it replaces: two concurrent changes
   * to one object both land, one after the other, on any store.
   */
  async apply(plan: (current: Snapshot) => ObjectChange): Promise<Snapshot> {
    return this.changes.run(async () => {
      const before = this.current;
      const change = plan(before);
      const definitions = [...before.objects.values()]
        .map((compiled) => compiled.definition)
        .filter((definition) => definition.name !== change.objectName);
      if (change.next) definitions.push(change.next);
      const { snapshot: compiled, problems } = compileSnapshot(before.version + 1, definitions, before);
      refuseProblems(change, problems);

      const version = await this.store.unitOfWork(async (tx) => {
        await change.migrate?.(tx, before, compiled);
        return this.record(tx, change, before);
      });
      const after = new Snapshot(version, compiled.objects);
      await change.afterCommit?.(this.store, after);
      this.current = after;
      return after;
    });
  }

  private async record(tx: Collections, change: ObjectChange, before: Snapshot): Promise<number> {
    const state = await tx.collection<VersionDoc>(META_STATE).findOneAndUpdate(
      { _id: METADATA_VERSION_ID },
      { $inc: { version: 1 } },
      { upsert: true },
    );
    const version = state?.version ?? before.version + 1;
    const definitions = tx.collection<DefinitionDoc>(META_DEFINITIONS);
    await definitions.deleteOne({ _id: definitionId('object', change.objectName) });
    if (change.next) {
      await definitions.insertOne({
        _id: definitionId('object', change.next.name),
        kind: 'object',
        name: change.next.name,
        definition: change.next,
        version,
      });
    }
    await tx.collection(META_HISTORY).insertOne({
      _id: newId(),
      version,
      kind: 'object',
      name: change.objectName,
      action: change.action,
      before: before.object(change.objectName)?.definition ?? null,
      after: change.next,
      by: change.by,
      at: new Date().toISOString(),
    });
    return version;
  }
}

/**
 * Problems of the changed object are the client's input errors (400); problems it causes in other
 * objects (a lookup left pointing at a deleted object) are conflicts with what exists (409).
 */
function refuseProblems(change: ObjectChange, problems: Map<string, ErrorDetail[]>): void {
  const ownName = change.next?.name ?? change.objectName;
  const own = problems.get(ownName);
  if (own) throw new ValidationError(own);
  const others = [...problems.entries()];
  if (others.length > 0) {
    const details = others.flatMap(([name, list]) => list.map((detail) => ({ path: `/objects/${name}${detail.path}`, message: detail.message })));
    throw new ConflictError(
      'metadata_in_use',
      `This change would break ${others.map(([name]) => name).join(', ')}: ${details[0]!.message}. Change or remove what depends on it first.`,
      details,
    );
  }
}

async function loadSnapshot(store: Store, previous?: Snapshot): Promise<Snapshot> {
  const state = await store.collection<VersionDoc>(META_STATE).findOne({ _id: METADATA_VERSION_ID });
  const docs = await store.collection<DefinitionDoc>(META_DEFINITIONS).find({ kind: 'object' }, { sort: { name: 1 } });
  const { snapshot, problems } = compileSnapshot(state?.version ?? 0, docs.map((doc) => doc.definition), previous);
  for (const [name, list] of problems) {
    // Stored metadata passed validation when written; a problem now means the schemas moved on.
    console.error(`metadata: object '${name}' does not compile and is left out: ${JSON.stringify(list)}`);
  }
  return snapshot;
}
