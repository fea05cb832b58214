import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import type { UiLanguage } from './languages';

const DAYJS_LOCALE: Record<UiLanguage, string> = { en: 'en', 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw' };

/** The date pickers' language; loaded with the pages that have pickers, not with sign-in. */
export function setDayjsLocale(language: UiLanguage): void {
  dayjs.locale(DAYJS_LOCALE[language]);
}
