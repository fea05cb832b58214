export { installDemoTenant } from './install-demo-tenant.js';
export { demoReport, demoUsersTable } from './demo-report.js';
export { installOrder, type InstallOrder } from './install-order.js';
export type { DemoPack, DemoTenant, DemoUser, SkippedPack } from './demo-tenant.js';
