import { assertNever } from '../../errors/assert-never.js';
import type { QueryPlanSummary } from '../port.js';
import type { Plan } from './query-plan.js';

/** A plan of the embedded planner as the port describes plans to admins. */
export function planSummary(plan: Plan, building: string[]): QueryPlanSummary {
  switch (plan.kind) {
    case 'ids':
      return { access: 'ids', indexes: ['_id_'], sortedByIndex: false, building };
    case 'primary': {
      const ranged = plan.low !== undefined || plan.high !== undefined;
      return { access: ranged ? 'index' : 'scan', indexes: ranged || plan.ordered ? ['_id_'] : [], sortedByIndex: plan.ordered, building };
    }
    case 'index':
      return { access: 'index', indexes: [plan.index.spec.name], sortedByIndex: plan.ordered, building };
    case 'union':
      return { access: 'union', indexes: [...new Set(plan.parts.map((part) => part.index.spec.name))], sortedByIndex: plan.parts.every((part) => part.walk !== undefined), building };
    default:
      return assertNever(plan, 'query plan');
  }
}
