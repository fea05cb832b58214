import type { LocalizedText } from '../schemas/generated/common.js';
import { toTraditional } from './traditional.js';

/**
 * The languages the platform answers in. Metadata and the catalogues are written in en and zh-CN;
 * zh-TW is a language of its own wherever a text has a zh-TW value (a label an admin wrote, a
 * pack's translations/zh-TW.json), and elsewhere the zh-CN text converted to Traditional
 * characters and Taiwan's words (traditional.ts), as the studio shows it.
 */
export const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * A text in the language: zh-TW as written, else its zh-CN converted, so that a label written in
 * Simplified Chinese only is never shown in English to a reader of Traditional Chinese; any
 * language falls back to English, then to the given fallback.
 */
export function localize(text: Readonly<LocalizedText> & { readonly en: string }, language: Language, fallback?: string): string;
export function localize(text: Readonly<LocalizedText> | undefined, language: Language, fallback: string): string;
export function localize(text: Readonly<LocalizedText> | undefined, language: Language, fallback?: string): string | undefined;
export function localize(text: Readonly<LocalizedText> | undefined, language: Language, fallback?: string): string | undefined {
  if (language === 'zh-TW') {
    const simplified = text?.['zh-CN']?.trim();
    return text?.['zh-TW']?.trim() || (simplified ? toTraditional(simplified) : undefined) || text?.en?.trim() || fallback;
  }
  return text?.[language]?.trim() || text?.en?.trim() || fallback;
}

/**
 * The supported language an Accept-Language header prefers: the highest-weighted entry we speak,
 * the first of equal weights; an absent or unusable header picks English.
 */
export function preferredLanguage(header: string | undefined): Language {
  return namedLanguage(header) ?? 'en';
}

/** The language an Accept-Language header names among ours, or undefined when it names none (or is absent). */
export function namedLanguage(header: string | undefined): Language | undefined {
  let best: { language: Language; weight: number } | undefined;
  for (const entry of (header ?? '').split(',')) {
    const [rawTag = '', ...params] = entry.split(';').map((part) => part.trim());
    const language = languageOfTag(rawTag);
    if (!language) continue;
    const weight = weightOf(params);
    if (weight > 0 && (!best || weight > best.weight)) best = { language, weight };
  }
  return best?.language;
}

/** The language a user saved on their record (en, zh-CN or zh-TW), read as a language tag. */
export function savedLanguage(value: unknown): Language | undefined {
  return typeof value === 'string' ? languageOfTag(value) : undefined;
}

/** Regions whose Chinese is written in Traditional characters: Taiwan, Hong Kong, Macao. */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * Our language for a BCP 47 tag, case aside: the script decides where there is one (zh-Hant-CN is
 * Traditional, zh-Hans-HK Simplified), else the region (zh-TW, zh-HK, zh-MO read Traditional);
 * any other Chinese (zh, zh-CN, zh-SG) reads Simplified. Hong Kong and Macao get Taiwan's
 * Traditional: closer to them than Simplified, and the only Traditional the platform writes.
 */
function languageOfTag(tag: string): Language | undefined {
  const [primary = '', ...subtags] = tag.toLowerCase().split(/[-_]/);
  if (primary === 'en') return 'en';
  if (primary !== 'zh') return undefined;
  if (subtags.includes('hant')) return 'zh-TW';
  if (subtags.includes('hans')) return 'zh-CN';
  return subtags.some((subtag) => TRADITIONAL_REGIONS.has(subtag)) ? 'zh-TW' : 'zh-CN';
}

/** The q parameter, 1 when absent; a malformed one counts as 0 rather than winning by accident. */
function weightOf(params: readonly string[]): number {
  const q = params.find((param) => param.toLowerCase().startsWith('q='));
  if (q === undefined) return 1;
  const weight = Number(q.slice(2));
  return Number.isFinite(weight) ? weight : 0;
}
