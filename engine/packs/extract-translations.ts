import type { Language } from '../i18n/language.js';
import type { PackTranslations } from './apply-translations.js';
import { itemKey, type PackItem } from './pack-items.js';
import { textsOf } from './translation-paths.js';

/**
 * The inverse of applyTranslations, for an export: the texts of the chosen languages taken out
 * of the definitions into one set of translations per language, keyed as translation files key
 * them. A text only in those languages stays as `{}`, so that a text the kind requires (a
 * validation rule's message) keeps the definition valid without them. Reading the result back
 * (definitions, then translations applied) gives the definitions exported, value for value.
 */
export function extractTranslations(items: readonly PackItem[], languages: readonly Language[]): { items: PackItem[]; translations: Record<string, PackTranslations> } {
  const translations: Record<string, PackTranslations> = Object.fromEntries(languages.map((language) => [language, {}]));
  const stripped = items.map((item) => {
    const definition = structuredClone(item.definition);
    for (const found of textsOf(definition)) {
      for (const language of languages) {
        const text = found.text[language];
        if (text === undefined) continue;
        translations[language]![`${itemKey(item.kind, item.name)}${found.pointer}`] = text;
        delete found.text[language];
      }
    }
    return { ...item, definition };
  });
  return { items: stripped, translations };
}
