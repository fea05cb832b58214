import { savedLanguage, type Language } from '../i18n/language.js';

/** The permission set that ships with the core metadata and grants every right. */
export const ADMIN_PERMISSION_SET = 'admin';
/** The permission set every user needs to see the other users. */
export const STANDARD_PERMISSION_SET = 'standard_user';

/**
 * Who acts: a user with their role and permission sets, as their user record said when the
 * request was authenticated. What they may do follows from these and the snapshot's security
 * model (security/access/), never from a flag carried here.
 */
export interface Principal {
  readonly userId: string;
  /** The user's role in the hierarchy, or null. */
  readonly role: string | null;
  readonly permissionSets: readonly string[];
  /** The language saved on the user's record: answers use it when the request names none. */
  readonly language?: Language;
  /** The engine itself, for work no user asked for (purging the recycle bin, recomputing): bypasses every check. */
  readonly system?: true;
}

/** An administrator for in-process work (imports, benchmarks, tests): holds the admin permission set. */
export const BUILT_IN_ADMIN: Principal = { userId: 'admin', role: null, permissionSets: [ADMIN_PERMISSION_SET] };

/** The engine itself, for work no user asked for (purging the recycle bin, timers). */
export const SYSTEM_PRINCIPAL: Principal = { userId: 'system', role: null, permissionSets: [], system: true };

/** A principal from a user record's fields, whatever they hold (only names are kept). */
export function principalOf(user: { _id: string; role?: unknown; permission_sets?: unknown; language?: unknown }): Principal {
  const sets = Array.isArray(user.permission_sets) ? user.permission_sets.filter((name): name is string => typeof name === 'string') : [];
  const language = savedLanguage(user.language);
  return { userId: user._id, role: typeof user.role === 'string' && user.role !== '' ? user.role : null, permissionSets: sets, ...(language ? { language } : {}) };
}
