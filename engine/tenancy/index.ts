export { Tenant } from './tenant.js';
export { Platform, DEFAULT_TENANT } from './platform.js';
export { ADMIN_PERMISSION_SET, BUILT_IN_ADMIN, principalOf, STANDARD_PERMISSION_SET, SYSTEM_PRINCIPAL, type Principal } from './principal.js';
export { operationContext, type OperationContext, type OperationSource } from './operation-context.js';
export { checkTenantName, isTenantName, tenantNameProblem, TENANT_NAME } from './tenant-name.js';
export { UnknownTenantError } from './unknown-tenant-error.js';
export type { TenantEntry } from './tenant-registry.js';
