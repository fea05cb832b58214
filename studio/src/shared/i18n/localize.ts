import type { UiLanguage } from './languages';
import { toTraditional } from './traditional';

/** A label as metadata writes it: `{ "en": "Deal", "zh-CN": "商机" }`, zh-TW optional. */
export type LocalizedText = Readonly<Partial<Record<string, string>>>;

/**
 * The label in the language: zh-TW falls back to the zh-CN label converted with OpenCC, so an admin
 * who wrote Simplified only is never shown in English; any language falls back to English, then
 * to the fallback (usually the API name).
 */
export function localize(text: LocalizedText | string | undefined, language: UiLanguage, fallback = ''): string {
  if (typeof text === 'string') return text;
  if (!text) return fallback;
  if (language === 'zh-TW') {
    const written = text['zh-TW']?.trim();
    if (written) return written;
    const simplified = text['zh-CN']?.trim();
    if (simplified) return toTraditional(simplified);
  }
  if (language === 'zh-CN' && text['zh-CN']?.trim()) return text['zh-CN'].trim();
  return text.en?.trim() || fallback;
}

/**
 * A text the server wrote (a message, a label) as the user's language shows it. The server answers
 * a zh-TW reader in Traditional characters already (the same conversion, which leaves them as they
 * are); this converts what was fetched in Simplified before a switch to 繁中 and is still cached.
 */
export function fromServer(text: string, language: UiLanguage): string {
  return language === 'zh-TW' ? toTraditional(text) : text;
}
