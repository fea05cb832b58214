export { previewReport, runReport } from './run-report.js';
export { drillReport, type DrillRequest, type DrillResponse } from './drill-report.js';
export { reportCsv, reportXlsx } from './export-report.js';
export { runDashboard, homeDashboard, type DashboardRunRequest, type DashboardResult } from './run-dashboard.js';
export type { RunConditions, PathCondition } from './report-match.js';
export type { ReportResult } from './report-result.js';
