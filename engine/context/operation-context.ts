import type { Language } from '../i18n/language.js';
import type { MetadataPrecondition } from '../metadata/definition-etag.js';
import type { Snapshot } from '../metadata/snapshot.js';
import type { Principal } from './principal.js';
import type { Tenant } from './tenant.js';

/** Where an operation comes from: the pipeline may treat an import or a plugin differently, by name. */
export type OperationSource = 'api' | 'import' | 'plugin' | 'workflow' | 'system' | 'test';

/**
 * Everything an operation needs to know about its caller, passed explicitly, never through
 * globals. The snapshot is taken once, when the context is made: a request runs to its end on the
 * metadata it started with.
 */
export interface OperationContext {
  readonly tenant: Tenant;
  readonly principal: Principal;
  readonly snapshot: Snapshot;
  readonly source: OperationSource;
  /** The language of messages meant for the user (validation rules, labels). */
  readonly language: Language;
  /** How many records created by automation stand between this operation and a user's own write. */
  readonly automationDepth?: number;
  /** A metadata change's If-Match: the change lands only while the item it names is as the caller read it. */
  readonly precondition?: MetadataPrecondition;
  /** The request (X-Request-Id) or the job it runs for: the units of work it opens pass it to the jobs they enqueue. */
  readonly requestId?: string;
}

export function operationContext(tenant: Tenant, principal: Principal, source: OperationSource = 'api', language: Language = 'en'): OperationContext {
  return { tenant, principal, snapshot: tenant.metadata.snapshot, source, language };
}
