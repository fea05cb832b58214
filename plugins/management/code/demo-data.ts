import type { DemoDataContext } from '../../../engine/packs/index.js';
import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';
import { DEMO_KPIS, type DemoKpi } from './demo-kpis.js';

/** How many months of targets the demo has: the current month and the eleven before it. */
const MONTHS = 12;

/** The management demo users; the chief financial officer comes with procurement (role cfo, executive rights). */
const USERS: readonly DemoRecord[] = [
  { _key: 'user-ceo', full_name: '陈志远 Chen Zhiyuan', email: 'ceo@demo.crm.local', role: 'ceo', permission_sets: ['standard_user', 'executive'], language: 'zh-CN' },
  { _key: 'user-coo', full_name: 'Laura Sun 孙岚', email: 'coo@demo.crm.local', role: 'coo', permission_sets: ['standard_user', 'executive', 'kpi_manager'], manager: { $key: 'user-ceo' }, language: 'en' },
  { _key: 'user-performance-analyst', full_name: '何静 He Jing', email: 'performance_analyst@demo.crm.local', role: 'performance_analyst', permission_sets: ['standard_user', 'executive', 'kpi_manager'], manager: { $key: 'user-coo' }, language: 'zh-CN' },
];

/** The first day of the month `shift` months from the month of `day` (UTC), and the last day of that month. */
function monthOf(day: Date, shift: number): { start: string; end: string } {
  const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + shift, 1));
  const end = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + shift + 1, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/**
 * What the plan expects of a KPI in the month `shift` months from this one (0: this month): its
 * monthly figure, or for a KPI that grew through the year a plan that rose with it, from an eighth
 * of the last full month's figure eleven months ago.
 */
function planned(kpi: DemoKpi, shift: number): number {
  return kpi.growing ? kpi.monthly * (0.12 + (0.88 * (shift + 11)) / 10) : kpi.monthly;
}

/** A target near what was planned, rounded to the KPI's step: a little above or below, so that some months are met and some are not. */
function targetNear(kpi: DemoKpi, plan: number, random: () => number): number {
  const spread = kpi.cumulative ? 0.85 + random() * 0.35 : 0.93 + random() * 0.14;
  return Math.round(Math.round((plan * spread) / kpi.step) * kpi.step * 100) / 100;
}

/**
 * The demo's KPIs (demo-kpis.ts) with a target for each of the last twelve months and for the
 * current quarter; their actuals are measured as they are created (the pack's rule on a new
 * target), from the other packs' demo records. Users: the chief executive, a chief operating
 * officer and a performance analyst, who keep the targets.
 */
export function managementDemoData({ today, random }: DemoDataContext): Record<string, DemoRecord[]> {
  const kpi: DemoRecord[] = DEMO_KPIS.map((entry) => ({
    _key: entry.key,
    _owner: { $key: entry.owner },
    name: entry.name,
    area: entry.area,
    report: entry.report,
    measure: entry.measure,
    date_field: entry.date_field,
    unit: entry.unit,
    direction: entry.direction,
    cumulative: entry.cumulative,
    description: entry.description,
  }));
  const kpi_target: DemoRecord[] = [];
  const inQuarter = today.getUTCMonth() % 3;
  for (const entry of DEMO_KPIS) {
    for (let shift = 1 - MONTHS; shift <= 0; shift++) {
      const { start, end } = monthOf(today, shift);
      kpi_target.push({ _key: `${entry.key}-${start.slice(0, 7)}`, kpi: { $key: entry.key }, period_type: 'month', period_start: start, period_end: end, target: targetNear(entry, planned(entry, shift), random) });
    }
    // The quarter's plan is its months' (their sum, or for an average or a rate, their mean).
    const months = [0, 1, 2].map((month) => planned(entry, month - inQuarter));
    const plan = months.reduce((total, month) => total + month, 0) / (entry.cumulative ? 1 : months.length);
    const first = monthOf(today, -inQuarter);
    const last = monthOf(today, 2 - inQuarter);
    const quarter = `${first.start.slice(0, 4)}-q${Math.floor(today.getUTCMonth() / 3) + 1}`;
    kpi_target.push({ _key: `${entry.key}-${quarter}`, kpi: { $key: entry.key }, period_type: 'quarter', period_start: first.start, period_end: last.end, target: targetNear(entry, plan, random) });
  }
  return { user: USERS.map((user) => ({ ...user })), kpi, kpi_target };
}
