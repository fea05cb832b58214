import { definePack } from '../../engine/packs/index.js';
import { managementDemoData } from './code/demo-data.js';
import { kpiMeasurementCheck } from './code/kpi-measurement-hook.js';
import { refreshKpiActual } from './code/refresh-kpi-actual.js';

/**
 * The management pack's code: measuring a KPI target's actual with the KPI's report (the action its
 * button, morning schedule and new targets run), the check that a KPI names a report, measure and
 * date field that exist, and the demo's KPIs with a year of monthly targets.
 */
export default definePack({
  hooks: [kpiMeasurementCheck],
  actions: { refreshKpiActual },
  demoData: managementDemoData,
});
