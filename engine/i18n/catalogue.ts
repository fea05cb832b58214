import zhCN from './catalogues/zh-CN.messages.json' with { type: 'json' };
import type { Language } from './language.js';

/**
 * The translations of the platform's own messages, one data file per language, keyed by the English
 * template (see message.ts). English needs none: its template is the text.
 */
export const CATALOGUES: Readonly<Record<Exclude<Language, 'en'>, Readonly<Record<string, string>>>> = {
  'zh-CN': zhCN,
};

export function translationOf(template: string, language: Language): string | undefined {
  return language === 'en' ? undefined : CATALOGUES[language][template];
}
