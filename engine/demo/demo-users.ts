import type { Tenant } from '../context/index.js';
import { installedPacks } from '../packs/index.js';
import { generatePassword } from '../security/passwords.js';
import { setPassword } from '../security/sign-in.js';
import type { DemoUser } from './demo-tenant.js';

/**
 * Gives every user the packs' demo data created (their `user` records) a password of its own,
 * generated here, never written in a pack: a demo tenant reachable from a network must not open
 * with passwords anyone can read in the packs' sources. Ordered by role, then e-mail.
 */
export async function giveDemoUsersPasswords(tenant: Tenant, by: string): Promise<DemoUser[]> {
  const ids = (await installedPacks(tenant.store)).flatMap((pack) => Object.values(pack.demoData?.user ?? {}));
  const users = tenant.store.collection(tenant.metadata.snapshot.object('user')!.collection);
  const demoUsers: DemoUser[] = [];
  for (const id of ids) {
    const user = await users.findOne({ _id: id });
    // A demo user removed in the same start (a pack's hook) has nobody to sign in.
    if (!user || typeof user.email !== 'string') continue;
    const password = generatePassword();
    await setPassword(tenant, id, password, by);
    demoUsers.push({ email: user.email, role: typeof user.role === 'string' && user.role !== '' ? user.role : null, password });
  }
  return demoUsers.sort((a, b) => (a.role ?? '').localeCompare(b.role ?? '') || a.email.localeCompare(b.email));
}
