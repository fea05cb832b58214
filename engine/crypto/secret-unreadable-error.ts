import { EngineError } from '../errors/index.js';

/**
 * A sealed value that does not open: altered, sealed under a key the tenant no longer has, or of a
 * format this version does not read. An internal error (500): it is never the client's doing, and
 * its details (the key id, the reason) go to the log, not to the response.
 */
export class SecretUnreadableError extends EngineError {
  constructor(reason: string) {
    super('secret_unreadable', 500, 'An encrypted value could not be decrypted.', { isPublic: false });
    this.message = `An encrypted value could not be decrypted: ${reason}`;
  }
}
