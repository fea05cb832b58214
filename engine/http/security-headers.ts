import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** How the platform is reached: set when it is served over HTTPS (directly known or through a proxy). */
export interface HttpsSettings {
  /** The address users open, e.g. https://crm.example.com; an https URL means every request is HTTPS. */
  publicUrl?: string;
}

/**
 * One policy for the web app, the API reference and the API: scripts only from this server (no
 * inline script, no eval: the app validates forms on the server, never with ajv's compiler), data
 * only to this server. Styles allow 'unsafe-inline' because antd writes its CSS-in-JS into
 * <style> tags at run time and Swagger UI sets style attributes; styles cannot run code.
 */
const DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  workerSrc: ["'self'", 'blob:'],
};

/**
 * Security headers on every response. `upgrade-insecure-requests` and HSTS only when the request
 * came over HTTPS (PUBLIC_URL says so, or a trusted proxy's X-Forwarded-Proto): over plain HTTP at a
 * LAN address, the upgrade would send every script to an https:// port nobody listens on, and the
 * page (the API reference, the app) would stay blank.
 */
export function securityHeaders(settings: HttpsSettings = {}): RequestHandler {
  const alwaysHttps = settings.publicUrl?.startsWith('https://') ?? false;
  const overHttps = headersOf(helmet({ contentSecurityPolicy: { useDefaults: false, directives: { ...DIRECTIVES, upgradeInsecureRequests: [] } } }));
  const overHttp = headersOf(helmet({ contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES }, strictTransportSecurity: false }));
  return (req, res, next) => {
    for (const [name, value] of isHttps(req, alwaysHttps) ? overHttps : overHttp) res.setHeader(name, value);
    next();
  };
}

/**
 * The headers a helmet middleware sets, read once: with static directives they are the same for
 * every request, and running helmet's dozen middlewares per request cost a GET by id a few
 * microseconds. Helmet stays the author of the values; a middleware that did not answer at once,
 * or read the request, would throw here, at start-up.
 */
function headersOf(middleware: RequestHandler): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  let answered = false;
  middleware({} as Request, recorder as unknown as Response, (error?: unknown) => {
    if (error) throw error;
    answered = true;
  });
  if (!answered) throw new Error('helmet did not set its headers synchronously');
  return [...headers];
}

/** req.secure follows X-Forwarded-Proto only when TRUST_PROXY tells express to trust the proxy. */
function isHttps(req: Request, alwaysHttps: boolean): boolean {
  return alwaysHttps || req.secure;
}
