import type { RequestHandler } from 'express';
import { authenticate, CSRF_HEADER, SESSION_COOKIE } from '../security/authenticate.js';
import { readCookie } from './cookies.js';
import { requestTenant } from './request-tenant.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every API request past this point has a principal in `res.locals.principal`, or was answered 401.
 * Sessions and tokens are looked up in the request's own tenant only: another tenant's are unknown here.
 */
export function authenticationMiddleware(): RequestHandler {
  return async (req, res, next) => {
    const tenant = requestTenant(res);
    const header = req.get('authorization');
    // The scheme is case-insensitive (RFC 9110): "bearer" and "BEARER" are Bearer too.
    const bearer = header && /^bearer\s+/i.test(header) ? header.replace(/^bearer\s+/i, '').trim() : undefined;
    const session = readCookie(req, SESSION_COOKIE);
    const csrf = req.get(CSRF_HEADER);
    res.locals.principal = await authenticate(tenant, {
      ...(bearer ? { bearer } : {}),
      ...(session ? { session } : {}),
      ...(csrf ? { csrf } : {}),
      safeMethod: SAFE_METHODS.has(req.method),
    });
    next();
  };
}
