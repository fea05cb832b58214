import { StaleVersionError, type EngineError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { sameDocument } from '../store/json-document.js';
import type { Collections, Update } from '../store/port.js';
import { SYSTEM_PRINCIPAL, type OperationContext } from '../context/index.js';
import { createFollowUps, type FollowUp } from './follow-ups.js';
import { runBeforeSave } from './write-pipeline/index.js';
import { checkReferences } from './check-references.js';
import { followChange } from './logic/follow-change.js';
import { stageChange } from './logic/stage-change.js';
import { noteChange } from './note-change.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import type { RecordChange } from './validate-values.js';

export interface ChangeOptions {
  /**
   * Who chose the values: a user's references are checked with the user's access; a process's
   * (an approval action) as the engine's, since the admin who defined it chose them.
   */
  readonly madeBy: 'user' | 'process';
  /** System state written with the change (an approval's marks): stored even when no field moves. */
  readonly marks?: Record<string, unknown>;
  /** The error when the record moved on between its read and this write (default 412). */
  readonly conflict?: () => EngineError;
}

/**
 * The one write path of a change to a stored record, inside the caller's unit of work, for every
 * writer (a client's PATCH, an approval action, an automation rule): the references checked, the
 * record's formulas computed and validation rules checked on the record as it would be, the
 * object's automation rules run on it (their changes join this write), one conditional write
 * that moves the version, then everything derived from the record (roll-ups on its masters and
 * their formulas, its children's formulas), its history and audit entry, and the records the rules
 * asked for. `current` is the record as read in this unit of work; `change` has passed
 * validateChange. Returns the record as stored after (the same object when nothing moved).
 */
export async function applyRecordChange(
  tx: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  current: StoredRecord,
  change: RecordChange,
  options: ChangeOptions,
): Promise<StoredRecord> {
  // only what differs from the record as stored is a change
  const values = Object.fromEntries(Object.entries(change.values).filter(([name, value]) => differs(current[name], value)));
  const cleared = change.cleared.filter((name) => current[name] !== undefined);
  const fieldsMove = Object.keys(values).length > 0 || cleared.length > 0;
  if (!fieldsMove && !options.marks) return current;

  let next = current;
  let followUps: FollowUp[] = [];
  if (fieldsMove) {
    // references, then formulas and validation rules on the record as it would be
    await checkReferences(tx, options.madeBy === 'user' ? ctx : { ...ctx, principal: SYSTEM_PRINCIPAL }, object, values);
    next = await stageChange(tx, ctx, object, current, { values, cleared });
    // before-save hooks (automation rules, packs), on the record as it would be; their field changes join the write
    const automated = await runBeforeSave(tx, { kind: 'update', ctx, object, before: current, record: next });
    next = automated.record;
    followUps = automated.followUps;
  }

  // one conditional write: the version in the filter makes it fail where units of work overlap
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  for (const name of new Set([...Object.keys(current), ...Object.keys(next)])) {
    if (!differs(current[name], next[name])) continue;
    if (next[name] === undefined || next[name] === null) unset[name] = '';
    else set[name] = next[name];
  }
  const update: Update = {
    $set: { ...set, ...options.marks, _updatedAt: new Date().toISOString(), _updatedBy: ctx.principal.userId },
    $inc: { _version: 1 },
    ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
  };
  const after = await tx.collection<StoredRecord>(object.collection).findOneAndUpdate({ _id: current._id, _version: current._version }, update);
  if (!after) throw options.conflict?.() ?? new StaleVersionError(current._version, current._version + 1);

  // what derives from the record follows, which may come back to it (its children's formulas
  // read it, its roll-ups sum them): the record as it then stands is the one noted and returned
  await followChange(tx, ctx, object, current, after);
  const settled = (await tx.collection<StoredRecord>(object.collection).findOne({ _id: current._id })) ?? after;
  await noteChange(tx, ctx, object, 'updated', current, settled);
  await createFollowUps(tx, ctx, followUps);
  return settled;
}

function differs(stored: unknown, value: unknown): boolean {
  return !sameDocument(stored ?? null, value ?? null);
}
