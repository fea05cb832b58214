import type { ErrorDetail } from '../../../shared/api/api-error';
import { controlErrors } from '../control-errors';
import { permissionSetsOf, type AdminUser } from './admin-user';

/** The languages a user record may hold (the user object's picklist). */
export const USER_LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type UserLanguage = (typeof USER_LANGUAGES)[number];

/** What the user form edits; `role` empty means none, `password` empty means set it later. */
export interface UserDraft {
  readonly fullName: string;
  readonly email: string;
  readonly role: string;
  readonly permissionSets: string[];
  readonly language: UserLanguage;
  readonly password: string;
}

export type UserControl = keyof UserDraft;

export const EMPTY_USER: UserDraft = { fullName: '', email: '', role: '', permissionSets: [], language: 'en', password: '' };

export function userDraftOf(user: AdminUser): UserDraft {
  const language = USER_LANGUAGES.find((candidate) => candidate === user.language) ?? 'en';
  return { fullName: user.full_name ?? '', email: user.email ?? '', role: user.role ?? '', permissionSets: permissionSetsOf(user), language, password: '' };
}

/**
 * The record's values the draft says (the password travels apart, to /auth/users/{id}/password).
 * A role left empty is null on an edit, so the user's role is cleared, and left out of a new user.
 */
export function userValues(draft: UserDraft, creating: boolean): Record<string, unknown> {
  const role = draft.role.trim();
  return {
    full_name: draft.fullName.trim(),
    email: draft.email.trim(),
    ...(role ? { role } : creating ? {} : { role: null }),
    permission_sets: draft.permissionSets,
    language: draft.language,
  };
}

const CONTROLS: readonly (readonly [RegExp, UserControl])[] = [
  [/^\/full_name$/, 'fullName'],
  [/^\/email$/, 'email'],
  [/^\/role$/, 'role'],
  [/^\/permission_sets(\/|$)/, 'permissionSets'],
  [/^\/language$/, 'language'],
  [/^\/password$/, 'password'],
];

/** The server's problems with a user (record or password) on the form's controls. */
export function userErrors(details: readonly ErrorDetail[]) {
  return controlErrors(details, CONTROLS);
}

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A temporary password for the admin to hand over: 20 characters of a 55-letter alphabet (over 115
 * bits), drawn without modulo bias from the random bytes given (the browser's crypto).
 */
export function temporaryPassword(randomBytes: (count: number) => Uint8Array, length = 20): string {
  const limit = 256 - (256 % ALPHABET.length);
  let password = '';
  while (password.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && password.length < length) password += ALPHABET[byte % ALPHABET.length];
    }
  }
  return password;
}
