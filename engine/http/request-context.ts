import type { Request } from 'express';
import { isLanguage, namedLanguage, type Language } from '../i18n/language.js';
import type { Platform } from '../tenancy/index.js';
import { UnauthenticatedError } from '../security/authenticate.js';
import { operationContext, type OperationContext, type Principal } from '../context/index.js';
import { requestTenant } from './request-tenant.js';

/**
 * The operation context of a request: the tenant the tenant middleware resolved, the principal the
 * authentication found, its language. (`_platform` is no longer read: the tenant comes with the request.)
 */
export async function requestContext(_platform: Platform, req: Request): Promise<OperationContext> {
  const tenant = requestTenant(req.res!);
  const principal = (req.res?.locals as { principal?: Principal } | undefined)?.principal;
  if (!principal) throw new UnauthenticatedError();
  const requestId = (req.res?.locals as { requestId?: string } | undefined)?.requestId;
  const ctx = operationContext(tenant, principal, 'api', requestLanguage(req));
  return requestId === undefined ? ctx : { ...ctx, requestId };
}

/**
 * `?lang=` when it names a language we speak, else the Accept-Language header's choice, else the
 * language saved on the signed-in user's record, else English.
 */
export function requestLanguage(req: Request): Language {
  const asked = req.query.lang;
  if (typeof asked === 'string' && isLanguage(asked)) return asked;
  const principal = (req.res?.locals as { principal?: Principal } | undefined)?.principal;
  return namedLanguage(req.get('Accept-Language')) ?? principal?.language ?? 'en';
}
