import type { OperationContext } from '../../context/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import type { Collections } from '../../store/port.js';
import type { FollowUp } from '../follow-ups.js';

/** What a write does to a record. A delete moves it to the recycle bin, a restore brings it back. */
export type WriteKind = 'create' | 'update' | 'delete' | 'restore';

/** What every stage knows of a write. */
export interface WriteEvent {
  readonly kind: WriteKind;
  /** Who writes, with their permissions: a hook acts as the request (or process) that triggered it. */
  readonly ctx: OperationContext;
  readonly object: CompiledObject;
  /** The record as stored before the write; null on a create. */
  readonly before: StoredRecord | null;
}

/** A create or an update, before the values sent are validated. */
export interface ValuesEvent extends WriteEvent {
  readonly kind: 'create' | 'update';
  /** The values as sent (a create's with its defaults applied; an update's null clears a field). */
  readonly values: Readonly<Record<string, unknown>>;
}

/** A write about to be stored: `record` is the record as it will be stored (formulas computed). */
export interface SavingEvent extends WriteEvent {
  readonly record: StoredRecord;
}

/** A write stored: `after` is the record as stored (derived values settled). */
export interface SavedEvent extends WriteEvent {
  readonly after: StoredRecord;
}

/** What a before-save hook may leave; only a create or an update may change the record. */
export interface BeforeSaveResult {
  /**
   * Field values to set, which the write path checks like an automation rule's (field rules,
   * references as the engine) and stages with the record's formulas and validation rules.
   */
  readonly changes?: Readonly<Record<string, unknown>>;
  /** The record as the hook already staged it (records' stageChange), for hooks that stage as they go (automation). */
  readonly record?: StoredRecord;
  /** Records to create in the write's unit of work, as the engine. */
  readonly followUps?: readonly FollowUp[];
}

/**
 * The stages of the one record write path, in the order they run. Every stage but the last runs
 * inside the write's unit of work (`tx`): a hook that throws fails the write with its error, and
 * nothing of it is stored. The last runs once the write is durable, for what must not happen for
 * a write that could still be undone (a notification, a call to another system); its errors are
 * logged, since the write stands.
 *
 * - beforeValidation: creates and updates, on the values sent by a client or an approval action;
 *   returns the values to validate instead (or nothing to keep them).
 * - beforeSave: every write, on the record as it will be stored; a create or an update may change
 *   its fields, and any write may ask for records to create with it.
 * - afterSave: every write, once the record and what derives from it are stored, with its history.
 * - afterCommit: every write, once durable.
 *
 * A write that moves only the platform's marks (an approval's state on a record) has no values
 * and no fields moving: it runs afterSave and afterCommit only.
 */
export interface WriteStages {
  beforeValidation(tx: Collections, event: ValuesEvent): Promise<Record<string, unknown> | void>;
  beforeSave(tx: Collections, event: SavingEvent): Promise<BeforeSaveResult | void>;
  afterSave(tx: Collections, event: SavedEvent): Promise<void>;
  afterCommit(event: SavedEvent): Promise<void>;
}

export type WriteStage = keyof WriteStages;

export const WRITE_STAGES: readonly WriteStage[] = ['beforeValidation', 'beforeSave', 'afterSave', 'afterCommit'];
