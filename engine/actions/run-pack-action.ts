import type { OperationContext } from '../context/index.js';
import { EngineError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import type { Collections } from '../store/port.js';
import { runnableActions } from './action-catalogue.js';
import type { PackActionResult } from './pack-action.js';
import { useProblems, type PackActionUse } from './pack-action-uses.js';

/** Where a pack action runs: who owns it and at which step. */
export interface PackActionScope {
  /** `approval <process>` or `automation <rule>`. */
  readonly source: string;
  readonly object: string;
  readonly step: string | null;
}

/**
 * Runs one pack action named by a definition at `at`, in the caller's unit of work and with its
 * context. An action the tenant no longer offers (its pack uninstalled with force, its code failed
 * to load) or params its schema now refuses fail the event with 422, each problem at its path, so
 * the admin learns which definition to fix; whatever the action throws fails it too.
 */
export async function runPackAction(
  tx: Collections,
  ctx: OperationContext,
  scope: PackActionScope,
  at: string,
  use: PackActionUse,
  record: StoredRecord,
): Promise<PackActionResult> {
  const actions = runnableActions(ctx);
  const problems = useProblems(`${at}/packAction`, use, actions);
  if (problems.length > 0) {
    throw new EngineError('pack_action_unavailable', 422, msg`Action '${use.action}' of pack '${use.pack}' cannot run (${scope.source}); an administrator must fix the definition.`, { details: problems });
  }
  const offered = actions.actionsOf(use.pack)!.get(use.action)!;
  const result = await offered.action.run(ctx, { tx, object: scope.object, record: { ...record }, params: use.params ?? {}, source: scope.source, step: scope.step });
  return result ?? {};
}
