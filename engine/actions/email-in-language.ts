import { toTraditional } from '../i18n/traditional.js';
import type { Language } from '../i18n/language.js';
import type { EmailText, EmailTranslations } from '../schemas/generated/common.js';

/**
 * The subject and body of an e-mail action for readers of one language: its translation where
 * there is one, the Simplified one in Traditional characters for zh-TW, else the action's own.
 * Converted before rendering, so that the record's values go into the e-mail as they are.
 */
export function emailIn(email: { readonly subject: string; readonly body: string; readonly translations?: EmailTranslations }, language: Language): EmailText {
  const translated = email.translations?.[language];
  if (translated) return translated;
  const simplified = language === 'zh-TW' ? email.translations?.['zh-CN'] : undefined;
  if (simplified) return { subject: toTraditional(simplified.subject), body: toTraditional(simplified.body) };
  return { subject: email.subject, body: email.body };
}
