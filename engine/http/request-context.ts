import type { Request } from 'express';
import type { Platform } from '../tenancy/index.js';
import { BUILT_IN_ADMIN, DEFAULT_TENANT, operationContext, type OperationContext } from '../tenancy/index.js';

/**
 * The operation context of a request. Until sign-in exists every request is the default tenant's
 * built-in administrator; the identity issue replaces exactly this function.
 */
export async function requestContext(platform: Platform, _req: Request): Promise<OperationContext> {
  const tenant = await platform.tenant(DEFAULT_TENANT);
  return operationContext(tenant, BUILT_IN_ADMIN, 'api');
}
