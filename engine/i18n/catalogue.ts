import zhCN from './catalogues/zh-CN.messages.json' with { type: 'json' };
import type { Language } from './language.js';
import { toTraditional } from './traditional.js';

/**
 * The translations of the platform's own messages, one data file per language written, keyed by
 * the English template (see message.ts). English needs none: its template is the text; zh-TW is
 * the zh-CN text converted (translationOf).
 */
export const CATALOGUES: { readonly 'zh-CN': Readonly<Record<string, string>> } = { 'zh-CN': zhCN };

type Written = Readonly<Partial<Record<Exclude<Language, 'en'>, Readonly<Record<string, string>>>>>;

/**
 * Translations other code brings (a pack's messages, from its translations folder), by source.
 * Kept on the process, not the module: a pack's code may import its own copy of the engine's
 * modules (a JavaScript entry is imported anew when it changes), and its messages render through
 * that copy.
 */
const ADDED = Symbol.for('lowcode-crm.i18n.added-translations');
const added: Map<string, Written> = ((globalThis as { [ADDED]?: Map<string, Written> })[ADDED] ??= new Map());

/**
 * Gives the messages of one source (a pack, by name) their translations, replacing what the source
 * gave before. The platform's own catalogue comes first: a pack translates its own sentences, it
 * cannot reword the platform's.
 */
export function addTranslations(source: string, translations: Written): void {
  if (Object.values(translations).every((entries) => !entries || Object.keys(entries).length === 0)) added.delete(source);
  else added.set(source, translations);
}

/**
 * A template in the language, from the first source that translates it (the platform, then packs):
 * in zh-TW the source's own zh-TW text, else its zh-CN text converted, once per entry (the
 * conversion's cache is keyed by the text).
 */
export function translationOf(template: string, language: Language): string | undefined {
  if (language === 'en') return undefined;
  const own = inSource(CATALOGUES, template, language);
  if (own !== undefined || added.size === 0) return own;
  for (const translations of added.values()) {
    const text = inSource(translations, template, language);
    if (text !== undefined) return text;
  }
  return undefined;
}

function inSource(source: Written, template: string, language: Exclude<Language, 'en'>): string | undefined {
  if (language === 'zh-CN') return source['zh-CN']?.[template];
  const written = source['zh-TW']?.[template];
  if (written !== undefined) return written;
  const simplified = source['zh-CN']?.[template];
  return simplified === undefined ? undefined : toTraditional(simplified);
}
