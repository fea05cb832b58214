import { i18n } from './i18n';
import type { MessagesLike } from './messages-en';
import { traditionalTree } from './traditional';

/**
 * Texts of a page loaded on demand, merged into the UI's messages when its chunk loads, so they
 * stay out of the first load. zh-TW gets them converted if it is already in use; otherwise they
 * are converted with the rest of zh-CN when someone picks 繁中 (changeLanguage).
 */
export function addPageMessages<T>(en: T, zhCN: MessagesLike<T>): void {
  i18n.addResourceBundle('en', 'translation', en, true, true);
  i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, true);
  if (i18n.hasResourceBundle('zh-TW', 'translation')) i18n.addResourceBundle('zh-TW', 'translation', traditionalTree(zhCN), true, true);
}
