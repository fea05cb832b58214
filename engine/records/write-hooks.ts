import type { OperationContext } from '../context/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { Collections } from '../store/port.js';
import type { FollowUp } from './follow-ups.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';

/**
 * A stage of the one write path that parts above records subscribe to (automation today), so that
 * records never imports them. A before-save hook runs inside the write's unit of work, on the
 * record as it would be stored (`before` is null on a create); it returns the record as it leaves
 * it, which the next hook and the store receive, and the records to create in the same unit of work.
 */
export type BeforeSave = (
  tx: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  before: StoredRecord | null,
  record: StoredRecord,
) => Promise<{ record: StoredRecord; followUps: readonly FollowUp[] }>;

// Process-wide, like the job handlers: hooks are code, the same for every tenant. tenancy's
// openTenant installs them before a tenant serves its first write (automation's installAutomation).
const beforeSave: BeforeSave[] = [];

/** Subscribes a hook to every write of every tenant; a hook subscribed twice runs once. Hooks run in the order subscribed. */
export function onBeforeSave(hook: BeforeSave): void {
  if (!beforeSave.includes(hook)) beforeSave.push(hook);
}

/** Runs the before-save hooks in the order subscribed, each on the record the previous one left. */
export async function runBeforeSave(
  tx: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  before: StoredRecord | null,
  record: StoredRecord,
): Promise<{ record: StoredRecord; followUps: FollowUp[] }> {
  let current = record;
  const followUps: FollowUp[] = [];
  for (const hook of beforeSave) {
    const result = await hook(tx, ctx, object, before, current);
    current = result.record;
    followUps.push(...result.followUps);
  }
  return { record: current, followUps };
}
