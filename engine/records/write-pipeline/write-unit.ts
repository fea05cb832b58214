import type { Collections, Store } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import { hooksOf } from './write-hooks.js';
import type { SavedEvent } from './write-stages.js';
import { log, requestIdOfUnit, tagUnitWithRequest } from '../../observability/index.js';
import { forgetUserDirectory } from '../../security/access/index.js';

/** The writes of each running unit of work, for their after-commit hooks. */
const committing = new WeakMap<Collections, SavedEvent[]>();

/**
 * A unit of work that writes records: every record write must run in one, so that its
 * after-commit hooks run once the unit is durable, and not at all if it is undone. A store that
 * runs `work` again (a MongoDB transaction retried) starts its list again. `requestId`: the
 * request (or job) it runs for, which the jobs it enqueues keep.
 */
export async function writeUnit<R>(store: Store, work: (tx: Collections) => Promise<R>, requestId?: string): Promise<R> {
  let written: SavedEvent[] = [];
  const result = await store.unitOfWork((tx) => {
    written = [];
    committing.set(tx, written);
    tagUnitWithRequest(tx, requestId);
    return work(tx);
  });
  // The role hierarchy's directory may have been read while the unit ran, before its users were
  // committed (a pack's demo users, created in the install's unit): read them again as they are now.
  const users = written.find((event) => event.object.name === 'user');
  if (users) forgetUserDirectory(users.ctx.tenant);
  for (const event of written) await runAfterCommit(event);
  return result;
}

/** A record-writing unit of work for an operation: in its tenant's store, for its request. */
export function writeUnitFor<R>(ctx: OperationContext, work: (tx: Collections) => Promise<R>): Promise<R> {
  return writeUnit(ctx.tenant.store, work, ctx.requestId);
}

/** Keeps a stored write for the after-commit hooks of its unit of work. */
export function queueAfterCommit(tx: Collections, event: SavedEvent): void {
  const written = committing.get(tx);
  // A programming error, not a user's: a write path that opened its unit without writeUnit.
  if (!written) throw new Error(`A record of '${event.object.name}' was written outside writeUnit: its after-commit hooks could not run.`);
  written.push(event);
}

/**
 * The after-commit hooks of a durable write, in order. The write stands whatever they do: an
 * error is logged and the next hook runs.
 */
async function runAfterCommit(event: SavedEvent): Promise<void> {
  for (const hook of hooksOf(event.ctx.tenant, 'afterCommit', event.object.name)) {
    try {
      await hook(event);
    } catch (error) {
      log.error({ err: error, tenant: event.ctx.tenant.name, requestId: event.ctx.requestId }, `records: an after-commit hook failed on ${event.kind} of ${event.object.name} ${event.after._id} (tenant '${event.ctx.tenant.name}'); the write stands`);
    }
  }
}

/**
 * Another view of a running unit's collections (one that counts its writes, say) whose record
 * writes belong to the unit: their after-commit hooks run when it commits.
 */
export function viewOfUnit<C extends Collections>(tx: Collections, view: C): C {
  const written = committing.get(tx);
  if (!written) throw new Error('viewOfUnit: the unit of work was not opened with writeUnit.');
  committing.set(view, written);
  tagUnitWithRequest(view, requestIdOfUnit(tx));
  return view;
}
