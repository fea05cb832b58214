export { openTenant } from './open-tenant.js';
export { Platform, DEFAULT_TENANT } from './platform.js';
// The context names, for tests and bench; inside the engine they come from context/index.ts (docs/architecture.md).
export {
  ADMIN_PERMISSION_SET,
  BUILT_IN_ADMIN,
  operationContext,
  principalOf,
  STANDARD_PERMISSION_SET,
  SYSTEM_PRINCIPAL,
  type HostPolicy,
  type OperationContext,
  type OperationSource,
  type Principal,
  type Tenant,
} from '../context/index.js';
export { checkTenantName, isTenantName, tenantNameProblem, TENANT_NAME } from './tenant-name.js';
export { UnknownTenantError } from './unknown-tenant-error.js';
export type { TenantEntry } from './tenant-registry.js';
export { countBacklog } from './backlog.js';
