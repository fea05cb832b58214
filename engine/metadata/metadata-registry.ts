import { Mutex } from '../concurrency/mutex.js';
import { storedDefinition } from './stored-definition.js';
import { ConflictError, InternalError, ValidationError, type ErrorDetail } from '../errors/index.js';
import { newId } from '../store/new-id.js';
import { DuplicateKeyError } from '../store/duplicate-key-error.js';
import { MetadataChangedError } from './metadata-changed-error.js';
import { appendAudit } from '../audit/audit-log.js';
import type { Collections, Doc, Store } from '../store/port.js';
import { compileSnapshot, problemKey, type Definitions, type DefinitionsWithPacks } from './compile-snapshot.js';
import { KINDS, type AnyDefinition, type MetadataAction, type Verb } from './kinds/index.js';
import { kindIn, type KindName, type PackDefinition, type PackKind } from './pack-kinds/index.js';
import { META_DEFINITIONS, META_HISTORY, META_STATE, METADATA_VERSION_ID, definitionId } from './metadata-collections.js';
import type { Snapshot } from './snapshot.js';
import { msg } from '../i18n/message.js';
import { log } from '../observability/index.js';

interface DefinitionDoc extends Doc {
  kind: KindName;
  name: string;
  definition: AnyDefinition | PackDefinition;
  version: number;
}

interface VersionDoc extends Doc {
  version: number;
}

/** What a change did, as the history names it: one of each kind's verbs (kinds/index.ts). */
export type { MetadataAction } from './kinds/index.js';

/** A change of a definition of a pack's kind, as the history names it: `slaPolicy.update`. */
export type PackKindAction = `${string}.${Verb}`;

/** Changes applied as one version, and data work of the whole that lands with them. */
export interface MetadataBatch {
  readonly changes: readonly MetadataChange[];
  /** Runs first in the unit of work, before the changes' data work (a pack's data migrations). */
  before?(tx: Collections): Promise<void>;
  /** Runs last in the unit of work, with the version it claimed and the metadata it makes (a pack's install record, its demo records). */
  alongside?(tx: Collections, version: number, after: Snapshot): Promise<void>;
  /**
   * Runs the unit of work instead of the store's own: records' `writeUnit`, when `alongside`
   * writes records, whose after-commit hooks run once it commits (metadata sits below records).
   */
  unitOfWork?<R>(store: Store, work: (tx: Collections) => Promise<R>): Promise<R>;
  /**
   * The kinds the tenant's packs add once the batch landed (a pack's install or uninstall): the
   * changes are compiled with them, and the snapshot the batch makes has them. Absent: as before.
   */
  packKinds?: ReadonlyMap<string, PackKind>;
}

/** One change to one definition, with the data work that must land with it. */
export interface MetadataChange {
  kind: KindName;
  action: MetadataAction | PackKindAction;
  /** The definition as named before the change (its new name may differ, a rename). */
  name: string;
  /** The new definition; null deletes it. */
  next: AnyDefinition | PackDefinition | null;
  /** Who changes it, for the history. */
  by: string;
  /**
   * Definitions that go with this one (an object's shared list views with the object): removed
   * in the same version, each with its own entry in the history.
   */
  removes?: readonly { kind: KindName; name: string }[];
  /**
   * Checks and data changes inside the same unit of work as the metadata write: converting
   * values, clearing a removed field. Throwing refuses the change and nothing is written.
   */
  migrate?(tx: Collections, before: Snapshot, after: Snapshot): Promise<void>;
  /**
   * Store work before the unit of work: building the indexes the change declares, so that none is
   * missing once it commits. `restore` undoes it when the change does not commit, given the
   * snapshot as stored then (another instance's change may have landed meanwhile).
   */
  prepare?(store: Store, before: Snapshot, after: Snapshot): Promise<void>;
  restore?(store: Store, current: Snapshot, after: Snapshot): Promise<void>;
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
  private readonly listeners: ((snapshot: Snapshot) => Promise<void>)[] = [];

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

  /**
   * Calls `listener` after each swap to a newer snapshot, whether this instance changed the
   * metadata or took another's change: what must follow a change of definitions outside the
   * change's unit of work (automation plans the occasions of its time-based rules anew). A change
   * answers once its listeners ended; their errors are logged, the change stands.
   */
  onChange(listener: (snapshot: Snapshot) => Promise<void>): void {
    this.listeners.push(listener);
  }

  private async swap(snapshot: Snapshot): Promise<void> {
    const changed = snapshot.version !== this.current.version;
    this.current = snapshot;
    if (!changed) return;
    for (const listener of this.listeners) {
      try {
        await listener(snapshot);
      } catch (error) {
        console.error('metadata: a listener of metadata changes failed:', error);
      }
    }
  }

  /** Takes another instance's changes when the stored version moved past ours. */
  async refresh(): Promise<void> {
    await this.changes.run(async () => {
      if ((await storedVersion(this.store)) !== this.current.version) await this.swap(await loadSnapshot(this.store, this.current));
    });
  }

  /**
   * Puts the kinds of the tenant's packs to work (at the tenant's opening, once their code is
   * loaded): the snapshot is read again with their definitions, at the same version.
   */
  async usePackKinds(kinds: ReadonlyMap<string, PackKind>): Promise<void> {
    await this.changes.run(async () => {
      this.current = await loadSnapshot(this.store, this.current, kinds);
    });
  }

  /**
   * Plans and applies one change. `plan` runs under the registry's lock with the current
   * snapshot, so a change is always computed from the state it replaces: two concurrent changes
   * to one definition both land, one after the other. Across instances sharing a store the commit
   * is version-checked: it lands only if the stored version is still the one the snapshot was built
   * from. Otherwise the snapshot is reloaded and the change planned again once, from the newer
   * state (as two changes on one instance are); a second miss answers 409 `metadata_changed`.
   */
  async apply(plan: (current: Snapshot) => MetadataChange): Promise<Snapshot> {
    return this.applyAll((current) => ({ changes: [plan(current)] }));
  }

  /**
   * Plans and applies several changes as one version, all or nothing (a pack's install): one
   * compile of the definitions as every change leaves them, one unit of work for their data work
   * and `alongside`'s, written to the history one entry per change. Locked and version-checked as
   * `apply` is.
   */
  async applyAll(plan: (current: Snapshot) => MetadataBatch): Promise<Snapshot> {
    return this.changes.run(async () => {
      try {
        return await this.applyOnce(plan);
      } catch (error) {
        if (!(error instanceof MetadataChangedError)) throw error;
        return this.applyOnce(plan);
      }
    });
  }

  /**
   * The snapshot a change would produce, validated exactly as apply validates it (400/409 alike),
   * written nowhere and taking no lock: what previews (a type change's impact) work from.
   */
  preview(plan: (current: Snapshot) => MetadataChange): Snapshot {
    return this.previewAll((current) => ({ changes: [plan(current)] }));
  }

  /** The snapshot several changes would produce together, validated as applyAll validates them. */
  previewAll(plan: (current: Snapshot) => MetadataBatch): Snapshot {
    const before = this.current;
    const batch = plan(before);
    const { snapshot, problems } = compileBatch(before, batch);
    refuseProblems(batch.changes, problems, snapshot);
    return snapshot;
  }

  private async applyOnce(plan: (current: Snapshot) => MetadataBatch): Promise<Snapshot> {
    // A snapshot known to be behind is reloaded before planning: a plan from it could be refused
    // for what it does not know yet (an object another instance created), or build stale indexes.
    if ((await storedVersion(this.store)) !== this.current.version) await this.swap(await loadSnapshot(this.store, this.current));
    const before = this.current;
    const batch = plan(before);
    const { changes, alongside, before: first, unitOfWork = (store, work) => store.unitOfWork(work) } = batch;
    const { snapshot: compiled, problems } = compileBatch(before, batch);
    refuseProblems(changes, problems, compiled);
    let version: number;
    const prepared: MetadataChange[] = [];
    try {
      for (const change of changes) {
        prepared.push(change);
        await change.prepare?.(this.store, before, compiled);
      }
      version = await unitOfWork(this.store, async (tx) => {
        const claimed = await claimVersion(tx, before.version);
        await first?.(tx);
        for (const change of changes) await change.migrate?.(tx, before, compiled);
        for (const change of changes) await this.record(tx, change, before, claimed);
        await alongside?.(tx, claimed, compiled.at(claimed));
        return claimed;
      });
    } catch (error) {
      if (error instanceof MetadataChangedError) await this.swap(await loadSnapshot(this.store, this.current));
      // A failed restore is logged, not thrown: the client must learn why the change was refused.
      for (const change of prepared.reverse()) {
        await change.restore?.(this.store, this.current, compiled).catch((failure: unknown) => log.error({ err: failure }, 'metadata: restoring indexes after a refused change failed'));
      }
      throw error;
    }
    const after = compiled.at(version);
    for (const change of changes) await change.afterCommit?.(this.store, after);
    await this.swap(after);
    return after;
  }

  private async record(tx: Collections, change: MetadataChange, before: Snapshot, version: number): Promise<void> {
    const definitions = tx.collection<DefinitionDoc>(META_DEFINITIONS);
    await definitions.deleteOne({ _id: definitionId(change.kind, change.name) });
    if (change.next) {
      await definitions.insertOne({
        _id: definitionId(change.kind, change.next.name),
        kind: change.kind,
        name: change.next.name,
        definition: change.next,
        version,
      });
    }
    await tx.collection(META_HISTORY).insertOne({
      _id: newId(),
      version,
      kind: change.kind,
      name: change.name,
      action: change.action,
      before: storedDefinition(before, change.kind, change.name) ?? null,
      after: change.next,
      by: change.by,
      at: new Date().toISOString(),
    });
    await appendAudit(tx, { actor: change.by, action: `metadata.${change.action}`, object: `${change.kind}:${change.name}`, version });
    for (const removed of change.removes ?? []) {
      await definitions.deleteOne({ _id: definitionId(removed.kind, removed.name) });
      const action = `${removed.kind}.delete` as MetadataAction;
      const entry = { version, kind: removed.kind, name: removed.name, action, before: storedDefinition(before, removed.kind, removed.name) ?? null, after: null, by: change.by };
      await tx.collection(META_HISTORY).insertOne({ _id: newId(), ...entry, at: new Date().toISOString() });
      await appendAudit(tx, { actor: change.by, action: `metadata.${action}`, object: `${removed.kind}:${removed.name}`, version });
    }
  }
}

async function storedVersion(store: Store): Promise<number> {
  return (await store.collection<VersionDoc>(META_STATE).findOne({ _id: METADATA_VERSION_ID }))?.version ?? 0;
}

/**
 * Takes the next version, first thing in the unit of work, only if the stored one is still
 * `expected`: one conditional update (or the insert of the first version), so two instances
 * committing from the same version cannot both succeed. On MongoDB the second writer meets a
 * write conflict, the driver runs its unit again, and the condition then fails.
 */
async function claimVersion(tx: Collections, expected: number): Promise<number> {
  const states = tx.collection<VersionDoc>(META_STATE);
  if (expected === 0) {
    try {
      await states.insertOne({ _id: METADATA_VERSION_ID, version: 1 });
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new MetadataChangedError();
      throw error;
    }
    return 1;
  }
  const state = await states.findOneAndUpdate({ _id: METADATA_VERSION_ID, version: expected }, { $inc: { version: 1 } });
  if (state === null) throw new MetadataChangedError();
  return state.version;
}

/** Every definition of the snapshot, by kind, those of its packs' kinds included. */
export function definitionsOf(snapshot: Snapshot): DefinitionsWithPacks {
  const kinds = [...KINDS, ...snapshot.packKinds.all()];
  return Object.fromEntries(kinds.map((entry) => [entry.kind, entry.list(snapshot)])) as unknown as DefinitionsWithPacks;
}

/**
 * The snapshot a batch makes: the definitions as its changes leave them, with the packs' kinds it
 * leaves. A definition written must be of a kind the tenant has after the batch, one deleted of a
 * kind it had before (an uninstall deletes a kind's definitions with the kind); anything else is a
 * programming error of the planner, which looked the kind up in the snapshot it planned from.
 */
function compileBatch(before: Snapshot, batch: MetadataBatch) {
  const packKinds = batch.packKinds ?? before.packKinds.kinds;
  for (const change of batch.changes) {
    const known = KINDS.some((entry) => entry.kind === change.kind) || (change.next === null ? before.packKinds.kinds : packKinds).has(change.kind);
    if (!known) throw new InternalError(`metadata: a change of '${change.kind}', which is not a kind of this tenant`);
  }
  return compileSnapshot(before.version + 1, withChanges(definitionsOf(before), batch.changes), before, packKinds);
}

/** The definitions as the changes leave them, in order. */
function withChanges(definitions: DefinitionsWithPacks, changes: readonly MetadataChange[]): DefinitionsWithPacks {
  return changes.reduce(withChange, definitions);
}

/** The definitions as a change leaves them: the one it writes, and those it takes along removed. */
function withChange(definitions: DefinitionsWithPacks, change: MetadataChange): DefinitionsWithPacks {
  let result = withDefinition(definitions, change.kind, change.name, change.next);
  for (const removed of change.removes ?? []) result = withDefinition(result, removed.kind, removed.name, null);
  return result;
}

function withDefinition(definitions: DefinitionsWithPacks, kind: KindName, name: string, next: AnyDefinition | PackDefinition | null): DefinitionsWithPacks {
  const kept = ((definitions as Record<string, readonly { name: string }[] | undefined>)[kind] ?? []).filter((definition) => definition.name !== name);
  return { ...definitions, [kind]: next ? [...kept, next] : kept } as DefinitionsWithPacks;
}

/**
 * Problems of the changed definition are the client's input errors (400); problems it causes in
 * other definitions (a lookup or a layout left pointing at a deleted object) are conflicts with
 * what exists (409).
 */
function refuseProblems(changes: readonly MetadataChange[], problems: Map<string, ErrorDetail[]>, after: Snapshot): void {
  const ownKeys = changes.map((change) => problemKey(change.kind, change.next?.name ?? change.name));
  if (changes.length === 1) {
    const own = problems.get(ownKeys[0]!);
    if (own) throw new ValidationError(own);
  } else {
    // Several definitions at once: each problem's path says which one it is in.
    const own = ownKeys.flatMap((key) => (problems.get(key) ?? []).map((detail) => ({ path: `/${key.replace(':', 's/')}${detail.path}`, message: detail.message })));
    if (own.length > 0) throw new ValidationError(own);
  }
  const others = [...problems.entries()].filter(([key]) => !ownKeys.includes(key));
  if (others.length > 0) {
    const details = others.flatMap(([key, list]) => list.map((detail) => ({ path: `/${key.replace(':', 's/')}${detail.path}`, message: detail.message })));
    const names = others.map(([key]) => {
      const [kind, name] = key.split(':') as [string, string];
      return `${kindIn(after, kind)?.noun ?? kind} ${name}`;
    });
    throw new ConflictError(
      'metadata_in_use',
      msg`This change would break ${names.join(', ')}: ${details[0]!.message}. Change or remove what depends on it first.`,
      details,
    );
  }
}

/**
 * The stored metadata compiled, with the kinds of the tenant's packs (those of `previous` unless
 * told): definitions of a kind no loaded pack adds (a pack whose code failed to load) stay stored
 * and out of the snapshot until it loads.
 */
async function loadSnapshot(store: Store, previous?: Snapshot, packKinds: ReadonlyMap<string, PackKind> = previous?.packKinds.kinds ?? new Map()): Promise<Snapshot> {
  const state = await store.collection<VersionDoc>(META_STATE).findOne({ _id: METADATA_VERSION_ID });
  const docs = await store.collection<DefinitionDoc>(META_DEFINITIONS).find({}, { sort: { name: 1 } });
  const kinds = [...KINDS.map((entry) => entry.kind as string), ...packKinds.keys()];
  const definitions = Object.fromEntries(kinds.map((kind) => [kind, docs.filter((doc) => doc.kind === kind).map((doc) => doc.definition)])) as unknown as Definitions;
  const { snapshot, problems } = compileSnapshot(state?.version ?? 0, definitions, previous, packKinds);
  for (const [key, list] of problems) {
    // Stored metadata passed validation when written; a problem now means the checks moved on. A
    // definition that does not compile is left out; criteria that do not compile match nothing.
    log.error({ tenant: store.tenant }, `metadata: ${key} is invalid and does not apply as written: ${JSON.stringify(list)}`);
  }
  return snapshot;
}
