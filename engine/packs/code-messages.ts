import type { ErrorDetail } from '../errors/index.js';
import { addTranslations } from '../i18n/catalogue.js';
import { isLanguage, type Language } from '../i18n/language.js';
import { msg } from '../i18n/message.js';
import type { TranslationFiles } from './apply-translations.js';
import { pointerToken } from './json-pointer.js';

/** What a translation key of a pack's code starts with: `message:<English template>`. */
export const MESSAGE_KEY = 'message:';

export type CodeMessages = Partial<Record<Exclude<Language, 'en'>, Record<string, string>>>;

const placeholders = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

/**
 * The translations of the messages a pack's code says (`msg` templates, as the platform's own
 * catalogue keys them), from its translation files. A translation must name the values its
 * template names, no more and no fewer: `{0}` left out would drop a value from the sentence.
 */
export function codeMessagesOf(files: TranslationFiles, problems: ErrorDetail[]): CodeMessages {
  const messages: CodeMessages = {};
  for (const [language, file] of Object.entries(files)) {
    if (!isLanguage(language) || language === 'en' || file === null || typeof file !== 'object') continue;
    for (const [key, text] of Object.entries(file as Record<string, unknown>)) {
      if (!key.startsWith(MESSAGE_KEY) || typeof text !== 'string') continue;
      const template = key.slice(MESSAGE_KEY.length);
      if (placeholders(template).join() !== placeholders(text).join()) {
        problems.push({ path: `/translations/${language}.json/${pointerToken(key)}`, message: msg`must name the values its English template names (${placeholders(template).join(' ') || 'none'}), got ${placeholders(text).join(' ') || 'none'}` });
        continue;
      }
      (messages[language] ??= {})[template] = text;
    }
  }
  return messages;
}

/** Puts a pack's message translations to use (process-wide: a message is rendered without its tenant), replacing its earlier version's. */
export function useCodeMessages(pack: string, messages: CodeMessages): void {
  addTranslations(`pack:${pack}`, messages);
}
