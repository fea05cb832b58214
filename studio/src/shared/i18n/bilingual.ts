import type { MessagesLike } from './shell-messages-en';

/** A part of the texts in both written languages, zh-CN checked against the English keys (zh-TW is derived). */
export interface Bilingual<T> {
  readonly en: T;
  readonly zhCN: MessagesLike<T>;
}

/** Keeps a page's English and Chinese texts side by side in one file, so a key is added to both at once. */
export function bilingual<const T>(en: T, zhCN: MessagesLike<T>): Bilingual<T> {
  return { en, zhCN };
}
