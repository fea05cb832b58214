/** The studio's languages, in the order of the switch (as Chinese CRM vendors show them). */
export const UI_LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The browser's preference among ours: Taiwan, Hong Kong, Macao and Hant tags read Traditional. */
export function browserLanguage(tags: readonly string[]): UiLanguage {
  for (const raw of tags) {
    const tag = raw.toLowerCase();
    if (/^zh-(tw|hk|mo)|^zh-hant/.test(tag)) return 'zh-TW';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
