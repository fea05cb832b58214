import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { EngineError, ForbiddenError } from '../errors/index.js';
import { UnauthenticatedError } from '../security/authenticate.js';
import { msg } from '../i18n/message.js';

/**
 * Only the platform operator past this point: `Authorization: Bearer <OPERATOR_TOKEN>`. Without a
 * configured token the operator API does not exist (404). The token is compared by its SHA-256 in
 * constant time, so neither its content nor its length leaks through how long a refusal takes.
 */
export function operatorAuthentication(operatorToken: string | undefined): RequestHandler {
  const expected = operatorToken ? digest(operatorToken) : undefined;
  return (req, _res, next) => {
    if (!expected) throw new EngineError('operator_api_disabled', 404, msg`The operator API is turned off on this server: it needs OPERATOR_TOKEN to be set.`);
    const sent = bearer(req);
    if (sent === undefined) throw new UnauthenticatedError(msg`Send the operator token as "Authorization: Bearer <OPERATOR_TOKEN>".`);
    if (!timingSafeEqual(digest(sent), expected)) throw new ForbiddenError(msg`This is not the operator token.`);
    next();
  };
}

/**
 * /metrics: for the scraper holding METRICS_TOKEN, or for the operator (OPERATOR_TOKEN). The
 * figures are the whole process's, every tenant's together, so no tenant's user reads them; with
 * neither token configured the route does not exist (404).
 */
export function metricsAuthentication(metricsToken: string | undefined, operatorToken: string | undefined): RequestHandler {
  const accepted = [metricsToken, operatorToken].filter((token): token is string => Boolean(token)).map(digest);
  return (req, _res, next) => {
    if (accepted.length === 0) throw new EngineError('metrics_disabled', 404, msg`The metrics are turned off on this server: they need METRICS_TOKEN (or OPERATOR_TOKEN) to be set.`);
    const sent = bearer(req);
    if (sent === undefined) throw new UnauthenticatedError(msg`Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".`);
    const given = digest(sent);
    // Every accepted token is compared, so the time taken does not tell which one came close.
    const matches = accepted.map((expected) => timingSafeEqual(given, expected));
    if (!matches.includes(true)) throw new ForbiddenError(msg`This is neither the metrics token nor the operator token.`);
    next();
  };
}

function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  if (!header || !/^bearer\s+/i.test(header)) return undefined;
  return header.replace(/^bearer\s+/i, '').trim();
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
