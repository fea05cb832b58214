import zhCN from './catalogues/zh-CN.messages.json' with { type: 'json' };
import type { Language } from './language.js';

/**
 * The translations of the platform's own messages, one data file per language, keyed by the English
 * template (see message.ts). English needs none: its template is the text.
 */
export const CATALOGUES: Readonly<Record<Exclude<Language, 'en'>, Readonly<Record<string, string>>>> = {
  'zh-CN': zhCN,
};

type Translations = Readonly<Partial<Record<Exclude<Language, 'en'>, Readonly<Record<string, string>>>>>;

/**
 * Translations other code brings (a pack's messages, from its translations folder), by source.
 * Kept on the process, not the module: a pack's code may import its own copy of the engine's
 * modules (a JavaScript entry is imported anew when it changes), and its messages render through
 * that copy.
 */
const ADDED = Symbol.for('lowcode-crm.i18n.added-translations');
const added: Map<string, Translations> = ((globalThis as { [ADDED]?: Map<string, Translations> })[ADDED] ??= new Map());

/**
 * Gives the messages of one source (a pack, by name) their translations, replacing what the source
 * gave before. The platform's own catalogue comes first: a pack translates its own sentences, it
 * cannot reword the platform's.
 */
export function addTranslations(source: string, translations: Translations): void {
  if (Object.values(translations).every((entries) => !entries || Object.keys(entries).length === 0)) added.delete(source);
  else added.set(source, translations);
}

export function translationOf(template: string, language: Language): string | undefined {
  if (language === 'en') return undefined;
  const own = CATALOGUES[language][template];
  if (own !== undefined || added.size === 0) return own;
  for (const translations of added.values()) {
    const text = translations[language]?.[template];
    if (text !== undefined) return text;
  }
  return undefined;
}
