import type { Request } from 'express';
import { isLanguage, preferredLanguage, type Language } from '../i18n/language.js';
import type { Platform } from '../tenancy/index.js';
import { BUILT_IN_ADMIN, DEFAULT_TENANT, operationContext, type OperationContext } from '../tenancy/index.js';

/**
 * The operation context of a request. Until sign-in exists every request is the default tenant's
 * built-in administrator; the identity issue replaces exactly this function.
 */
export async function requestContext(platform: Platform, req: Request): Promise<OperationContext> {
  const tenant = await platform.tenant(DEFAULT_TENANT);
  return operationContext(tenant, BUILT_IN_ADMIN, 'api', requestLanguage(req));
}

/** `?lang=` when it names a language we speak, else the Accept-Language header's choice. */
export function requestLanguage(req: Request): Language {
  const asked = req.query.lang;
  return typeof asked === 'string' && isLanguage(asked) ? asked : preferredLanguage(req.get('Accept-Language'));
}
