import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
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
    const header = req.get('authorization');
    if (!header || !/^bearer\s+/i.test(header)) throw new UnauthenticatedError(msg`Send the operator token as "Authorization: Bearer <OPERATOR_TOKEN>".`);
    if (!timingSafeEqual(digest(header.replace(/^bearer\s+/i, '').trim()), expected)) throw new ForbiddenError(msg`This is not the operator token.`);
    next();
  };
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
