import { EngineError } from '../errors/index.js';
import { msg } from '../i18n/message.js';

/** 404: no tenant by that name. Tenants come only from the platform operator, never from a request. */
export class UnknownTenantError extends EngineError {
  constructor(readonly tenant: string) {
    super('unknown_tenant', 404, msg`There is no tenant named '${tenant}': tenants are created by the platform operator.`);
  }
}
