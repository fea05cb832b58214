import type { PackAction } from '../../../engine/packs/index.js';
import { ValidationError } from '../../../engine/errors/index.js';
import { msg } from '../../../engine/i18n/message.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../../engine/metadata/record-shape/record.js';
import { kpiMeasurement, measureKpi } from './kpi-measurement.js';

/**
 * Measures a KPI target's actual: the KPI's report over the target's period (kpi-measurement.ts),
 * returned as `{ set: { actual, last_refreshed } }` so the engine stores it through the record's
 * write path (its attainment and status formulas follow, its history keeps the old actual). Run by
 * the target's Refresh actual button, the morning schedule and the rule that measures a new target.
 */
export const refreshKpiActual: PackAction = {
  label: { en: "Measure the KPI target's actual with its report", 'zh-CN': '用指标的报表计算目标的实际值' },
  async run(ctx, { tx, object, record }) {
    if (object !== 'kpi_target') throw new ValidationError([{ path: '', message: msg`measures KPI targets only, not ${object}` }]);
    const kpiObject = ctx.snapshot.object('kpi');
    const kpi = kpiObject ? await tx.collection<StoredRecord>(kpiObject.collection).findOne(alive({ _id: record.kpi })) : null;
    if (!kpi) throw new ValidationError([{ path: '/kpi', message: msg`names no KPI to measure` }]);
    const { measurement, problems } = kpiMeasurement(ctx.snapshot, kpi);
    if (!measurement) {
      throw new ValidationError(problems.map((problem) => ({ ...problem, path: `/kpi${problem.path}` })), msg`KPI '${String(kpi.name)}' cannot be measured: fix how it is measured first.`);
    }
    const start = record.period_start;
    const end = record.period_end;
    if (typeof start !== 'string' || typeof end !== 'string') throw new ValidationError([{ path: '/period_start', message: msg`the target needs a period to measure` }]);
    const actual = await measureKpi(ctx, measurement, { start, end });
    return { set: { actual, last_refreshed: new Date().toISOString() } };
  },
};
