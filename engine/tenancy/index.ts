export { Tenant } from './tenant.js';
export { Platform, DEFAULT_TENANT } from './platform.js';
export { BUILT_IN_ADMIN, SYSTEM_PRINCIPAL, type Principal } from './principal.js';
export { operationContext, type OperationContext, type OperationSource } from './operation-context.js';
