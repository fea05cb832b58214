export { ADMIN_PERMISSION_SET, BUILT_IN_ADMIN, principalOf, STANDARD_PERMISSION_SET, SYSTEM_PRINCIPAL, type Principal } from './principal.js';
export { operationContext, type OperationContext, type OperationSource } from './operation-context.js';
export type { HostPolicy, Tenant } from './tenant.js';
