import { ValidationError } from '../../../engine/errors/index.js';
import type { PackHook } from '../../../engine/packs/index.js';
import { kpiMeasurement } from './kpi-measurement.js';

/** Fields of a KPI that say how it is measured: a write that changes none of them is not checked again. */
const MEASUREMENT = ['report', 'measure', 'date_field'] as const;

/**
 * A KPI is saved only if it can be measured: its report exists, has the measure named, and the
 * date field is a date or date-time of the report's object. A validation rule cannot see the
 * tenant's reports, so the pack checks it as the KPI is saved (400 at /report, /measure or /date_field).
 */
export const kpiMeasurementCheck: PackHook = {
  stage: 'beforeSave',
  name: 'kpi-measurement',
  objects: ['kpi'],
  async run(_tx, event) {
    if (event.kind !== 'create' && event.kind !== 'update') return;
    if (event.kind === 'update' && MEASUREMENT.every((field) => event.record[field] === event.before?.[field])) return;
    const { problems } = kpiMeasurement(event.ctx.snapshot, event.record);
    if (problems.length > 0) throw new ValidationError(problems);
  },
};
