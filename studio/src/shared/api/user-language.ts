import type { UiLanguage } from '../i18n/languages';
import { api } from './api-client';
import type { SessionUser } from './session';

/** The language on the user's own record (a self-service field): the server and every device use it. */
export function saveUserLanguage(user: SessionUser, language: UiLanguage): Promise<SessionUser> {
  // The record does not carry the session's rights: they stay as they were.
  return api<SessionUser>(`/records/user/${encodeURIComponent(user._id)}`, { method: 'PATCH', body: { language } }).then((saved) => ({ ...saved, rights: user.rights }));
}

let pickedBeforeSignIn = false;

/** Someone chose a language on the sign-in page: that choice beats the one saved on their record. */
export function notePickedBeforeSignIn(): void {
  pickedBeforeSignIn = true;
}

export function wasPickedBeforeSignIn(): boolean {
  return pickedBeforeSignIn;
}
