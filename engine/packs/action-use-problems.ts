import { useProblems, type ActionCatalogue } from '../actions/index.js';
import type { ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { Snapshot } from '../metadata/snapshot.js';
import { itemKey } from './pack-items.js';
import type { PackPlan } from './plan-pack.js';
import { tenantActionUses } from './tenant-action-uses.js';

/**
 * The tenant's own processes and rules (those the plan does not write: its checks cover the
 * others) that name actions of the pack, checked against the actions the new version brings: an
 * action it dropped, or params its new schema refuses. Each problem at `/<kind>:<name><path>`.
 */
export function actionUseProblems(current: Snapshot, plan: PackPlan, actions: ActionCatalogue): ErrorDetail[] {
  const written = new Set(plan.items.filter((item) => item.next !== undefined).map((item) => itemKey(item.kind, item.name)));
  const offered = actions.actionsOf(plan.pack);
  const problems: ErrorDetail[] = [];
  for (const { key, path, use } of tenantActionUses(current, plan.pack)) {
    if (written.has(key)) continue;
    if (!offered?.has(use.action)) {
      problems.push({ path: `/${key}${path}/action`, message: msg`uses action '${use.action}', which version ${plan.to} of pack '${plan.pack}' no longer has: change the definition first` });
      continue;
    }
    problems.push(...useProblems(path, use, actions).map((problem) => ({ path: `/${key}${problem.path}`, message: problem.message })));
  }
  return problems;
}
