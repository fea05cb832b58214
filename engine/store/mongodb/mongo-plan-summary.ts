import type { QueryPlanSummary } from '../port.js';
import { declaredName } from './index-plan.js';

interface Stage {
  stage?: unknown;
  indexName?: unknown;
  inputStage?: unknown;
  inputStages?: unknown;
  queryPlan?: unknown;
}

const isStage = (value: unknown): value is Stage => value !== null && typeof value === 'object';

/** The stages of a plan tree, root first (classic engine: `inputStage(s)`; slot-based: under `queryPlan`). */
function stages(plan: unknown): Stage[] {
  if (!isStage(plan)) return [];
  if (isStage(plan.queryPlan)) return stages(plan.queryPlan);
  const children = [...(isStage(plan.inputStage) ? [plan.inputStage] : []), ...(Array.isArray(plan.inputStages) ? plan.inputStages : [])];
  return [plan, ...children.flatMap(stages)];
}

/**
 * MongoDB's winning plan (`explain('queryPlanner').queryPlanner.winningPlan`) in the port's
 * terms: a look-up by `_id` (IDHACK, or an express scan of `_id_`), one index, an `$or` over
 * several (OR), or a collection scan; the sort comes from the index unless a SORT stage sorts.
 */
export function mongoPlanSummary(winningPlan: unknown): QueryPlanSummary {
  const tree = stages(winningPlan);
  const names = tree.map((stage) => String(stage.stage ?? ''));
  const indexes = [...new Set(tree.filter((stage) => typeof stage.indexName === 'string').map((stage) => declaredName(stage.indexName as string) ?? (stage.indexName as string)))];
  // SORT sorts the candidates in memory; SORT_MERGE merges index scans that are each in order.
  const sortedByIndex = !names.includes('SORT');
  if (names.includes('IDHACK') || (indexes.length === 1 && indexes[0] === '_id_' && names.some((name) => name.startsWith('EXPRESS')))) {
    return { access: 'ids', indexes: ['_id_'], sortedByIndex: false, building: [] };
  }
  if (names.includes('COLLSCAN')) return { access: 'scan', indexes: [], sortedByIndex, building: [] };
  return { access: names.includes('OR') || names.includes('SORT_MERGE') ? 'union' : 'index', indexes, sortedByIndex, building: [] };
}
