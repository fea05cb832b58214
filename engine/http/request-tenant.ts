import type { RequestHandler, Response } from 'express';
import { InternalError } from '../errors/index.js';
import { checkTenantName, DEFAULT_TENANT, type Platform, type Tenant } from '../tenancy/index.js';

/** The request header that names the tenant; without it a request goes to the default tenant. */
export const TENANT_HEADER = 'x-tenant';

/**
 * Resolves the request's tenant once, from the X-Tenant header, into `res.locals.tenant`: sign-in,
 * authentication and every operation then use that one. A header that is not a tenant name is a
 * 400, a tenant that does not exist a 404 `unknown_tenant`; neither opens a store. An empty header
 * is refused rather than read as "default": it is usually a variable that was not set.
 */
export function tenantMiddleware(platform: Platform): RequestHandler {
  return async (req, res, next) => {
    const named = req.get(TENANT_HEADER);
    res.locals.tenant = await platform.tenant(named === undefined ? DEFAULT_TENANT : checkTenantName(named, `/headers/${TENANT_HEADER}`));
    next();
  };
}

/** The tenant `tenantMiddleware` resolved for this request. */
export function requestTenant(res: Response): Tenant {
  const tenant = (res.locals as { tenant?: Tenant }).tenant;
  if (!tenant) throw new InternalError('This route is mounted before the tenant middleware: it has no tenant to work in.');
  return tenant;
}
