import type { Request, RequestHandler } from 'express';
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
  const overHttps = helmet({ contentSecurityPolicy: { useDefaults: false, directives: { ...DIRECTIVES, upgradeInsecureRequests: [] } } });
  const overHttp = helmet({ contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES }, strictTransportSecurity: false });
  return (req, res, next) => (isHttps(req, alwaysHttps) ? overHttps : overHttp)(req, res, next);
}

/** req.secure follows X-Forwarded-Proto only when TRUST_PROXY tells express to trust the proxy. */
function isHttps(req: Request, alwaysHttps: boolean): boolean {
  return alwaysHttps || req.secure;
}
