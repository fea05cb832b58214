export { installDemoTenant } from './install-demo-tenant.js';
export { demoUsersTable } from './demo-users-table.js';
export { installOrder, type InstallOrder } from './install-order.js';
export type { DemoPack, DemoTenant, DemoUser, SkippedPack } from './demo-tenant.js';
