import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import type { Tenant } from '../../context/index.js';
import type { ResolvedGroup } from '../../metadata/security/resolved-security.js';

/**
 * Who holds which role, for the role hierarchy and owner-based sharing rules: read once from the
 * user records and kept until a user record changes in this process. Other engine instances
 * sharing the store see a change within `MAX_AGE_MS`.
 */
export interface UserDirectory {
  /** The active users holding each role. */
  usersInRole(role: string): readonly string[];
}

const MAX_AGE_MS = 5_000;

interface Entry {
  loadedAt: number;
  directory: Promise<UserDirectory>;
}

const directories = new WeakMap<Tenant, Entry>();

export function userDirectory(tenant: Tenant): Promise<UserDirectory> {
  const entry = directories.get(tenant);
  if (entry && Date.now() - entry.loadedAt < MAX_AGE_MS) return entry.directory;
  const directory = loadDirectory(tenant);
  directories.set(tenant, { loadedAt: Date.now(), directory });
  directory.catch(() => directories.delete(tenant));
  return directory;
}

/** Called whenever a user record is written: the next access check reads the users again. */
export function forgetUserDirectory(tenant: Tenant): void {
  directories.delete(tenant);
}

async function loadDirectory(tenant: Tenant): Promise<UserDirectory> {
  const users = tenant.metadata.snapshot.object('user');
  const records = users
    ? await tenant.store.collection<StoredRecord>(users.collection).find(alive({ role: { $ne: null } }), { projection: { _id: 1, role: 1, active: 1 } })
    : [];
  const byRole = new Map<string, string[]>();
  for (const user of records) {
    if (user.active === false || typeof user.role !== 'string') continue;
    byRole.set(user.role, [...(byRole.get(user.role) ?? []), user._id]);
  }
  return { usersInRole: (role) => byRole.get(role) ?? [] };
}

/** The users a group (a queue) stands for: those it names and the users of its roles (active or not: callers that need it check). */
export function groupMembers(group: ResolvedGroup | undefined, directory: UserDirectory): string[] {
  return group ? [...group.users, ...[...group.roles].flatMap((role) => directory.usersInRole(role))] : [];
}
