import { createRecord } from '../records/index.js';
import { operationContext } from '../context/operation-context.js';
import { ADMIN_PERMISSION_SET, STANDARD_PERMISSION_SET, SYSTEM_PRINCIPAL } from '../context/principal.js';
import type { Tenant } from '../context/index.js';
import { checkPasswordPolicy, generatePassword } from '../security/passwords.js';
import { setPassword } from '../security/sign-in.js';

export interface FirstAdmin {
  email: string;
  /** Set only when the engine chose it: shown once to whoever started the platform. */
  generatedPassword?: string;
  userId: string;
}

/**
 * A tenant without users gets its first administrator: from ADMIN_EMAIL / ADMIN_PASSWORD when
 * given, else with a random password to print once. There is never a built-in default password.
 */
export async function ensureFirstAdmin(tenant: Tenant, wanted: { email?: string; password?: string }): Promise<FirstAdmin | undefined> {
  const users = tenant.metadata.snapshot.object('user')!;
  if ((await tenant.store.collection(users.collection).count({})) > 0) return undefined;
  const email = wanted.email ?? 'admin@crm.local';
  const password = wanted.password === undefined ? generatePassword() : checkPasswordPolicy(wanted.password, '/ADMIN_PASSWORD');
  const ctx = operationContext(tenant, SYSTEM_PRINCIPAL, 'system');
  const user = await createRecord(ctx, 'user', { full_name: 'Administrator', email, permission_sets: [ADMIN_PERMISSION_SET, STANDARD_PERMISSION_SET] });
  await setPassword(tenant, user._id, password, SYSTEM_PRINCIPAL.userId);
  return { email, userId: user._id, ...(wanted.password === undefined ? { generatedPassword: password } : {}) };
}
