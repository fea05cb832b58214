import { operationContext, principalOf, SYSTEM_PRINCIPAL, type OperationContext, type Tenant } from '../context/index.js';
import { EngineError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { CompiledRule } from '../metadata/automation-rules/compile-rule.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';

export class RunAsUserError extends EngineError {
  constructor(rule: string, user: string) {
    super('run_as_user_inactive', 422, msg`Automation rule '${rule}' runs as user '${user}', who is no longer an active user: choose another run-as user for the rule.`);
  }
}

/**
 * The context a timed rule's actions run in: its run-as user's (their permissions, their name on
 * the changes), read as the user record stands now; the engine's when the rule names none.
 */
export async function runAsContext(tenant: Tenant, rule: CompiledRule): Promise<OperationContext> {
  if (rule.runAs === null) return operationContext(tenant, SYSTEM_PRINCIPAL, 'workflow');
  const users = tenant.metadata.snapshot.object('user')!;
  const user = await tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: rule.runAs }), { projection: { role: 1, permission_sets: 1, language: 1, active: 1 } });
  if (!user || user.active === false) throw new RunAsUserError(rule.name, rule.runAs);
  const principal = principalOf(user);
  return operationContext(tenant, principal, 'workflow', principal.language);
}
