import type { LocalizedText } from '../schemas/generated/common.js';

/** The languages labels and messages are written in; each request is answered in one of them. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** A text in the language, falling back to English as labels do, then to the given fallback. */
export function localize(text: LocalizedText | undefined, language: Language, fallback?: string): string | undefined {
  return text?.[language]?.trim() || text?.en?.trim() || fallback;
}

/**
 * The supported language an Accept-Language header prefers: the highest-weighted entry we speak,
 * the first of equal weights. Any Chinese tag picks zh-CN (the only Chinese the labels have); an
 * absent or unusable header picks English.
 */
export function preferredLanguage(header: string | undefined): Language {
  return namedLanguage(header) ?? 'en';
}

/** The language an Accept-Language header names among ours, or undefined when it names none (or is absent). */
export function namedLanguage(header: string | undefined): Language | undefined {
  let best: { language: Language; weight: number } | undefined;
  for (const entry of (header ?? '').split(',')) {
    const [rawTag = '', ...params] = entry.split(';').map((part) => part.trim());
    const language = languageOfTag(rawTag.toLowerCase());
    if (!language) continue;
    const weight = weightOf(params);
    if (weight > 0 && (!best || weight > best.weight)) best = { language, weight };
  }
  return best?.language;
}

/**
 * The language a user saved on their record (en, zh-CN or zh-TW). Traditional Chinese is answered
 * in Simplified Chinese until the catalogues have a zh-TW translation.
 */
export function savedLanguage(value: unknown): Language | undefined {
  return typeof value === 'string' ? languageOfTag(value.toLowerCase()) : undefined;
}

function languageOfTag(tag: string): Language | undefined {
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return undefined;
}

/** The q parameter, 1 when absent; a malformed one counts as 0 rather than winning by accident. */
function weightOf(params: readonly string[]): number {
  const q = params.find((param) => param.toLowerCase().startsWith('q='));
  if (q === undefined) return 1;
  const weight = Number(q.slice(2));
  return Number.isFinite(weight) ? weight : 0;
}
