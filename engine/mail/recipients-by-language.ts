import { savedLanguage, type Language } from '../i18n/language.js';

/** A user record, of which its email, active and language fields are read. */
type Recipient = Readonly<Record<string, unknown>>;

/**
 * The e-mail addresses of active users, grouped by the language saved on their user record
 * (English where none is): one e-mail goes to each group, written in its language.
 */
export function recipientsByLanguage(users: readonly Recipient[]): Map<Language, string[]> {
  const groups = new Map<Language, string[]>();
  for (const user of users) {
    if (user.active === false || typeof user.email !== 'string') continue;
    const language = savedLanguage(user.language) ?? 'en';
    groups.set(language, [...(groups.get(language) ?? []), user.email]);
  }
  return groups;
}
