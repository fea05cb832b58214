import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setServerLanguage } from '../api/api-client';
import { browserLanguage, isUiLanguage, type UiLanguage } from './languages';
import { shellEn } from './shell-messages-en';
import { shellZhCN } from './shell-messages-zh-cn';
import { loadTraditional, traditionalTree } from './traditional';

/** Only the choice of language is kept in the browser (no token ever is). */
const STORAGE_KEY = 'crm.language';

export const i18n = i18next.createInstance();

/** The language of the last visit, else the browser's. */
export function startLanguage(): UiLanguage {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return isUiLanguage(saved) ? saved : browserLanguage(navigator.languages ?? [navigator.language]);
}

export async function initI18n(language: UiLanguage): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: shellEn }, 'zh-CN': { translation: shellZhCN } },
    lng: 'en',
    fallbackLng: 'en',
    // React escapes every text it renders; escaping here too would show &lt; to users.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await changeLanguage(language);
}

/** The texts added after the first load, kept to derive 繁中 from them when someone switches to it. */
const addedMessages = new Set<{ en: object; zhCN: object }>();

/** Merges a part's texts into each language's (繁中 converted when it is in use); adding it again does nothing. */
export function addMessages(messages: { en: object; zhCN: object }): void {
  if (addedMessages.has(messages)) return;
  addedMessages.add(messages);
  i18n.addResourceBundle('en', 'translation', messages.en, true, true);
  i18n.addResourceBundle('zh-CN', 'translation', messages.zhCN, true, true);
  if (i18n.hasResourceBundle('zh-TW', 'translation')) i18n.addResourceBundle('zh-TW', 'translation', traditionalTree(messages.zhCN), true, true);
}

/**
 * The pages' texts (list, record, …), outside the first load: loaded with the layout route every
 * page sits in.
 */
export async function loadPageMessages(): Promise<void> {
  const [{ en }, { zhCN }] = await Promise.all([import('./messages-en'), import('./messages-zh-cn')]);
  addMessages(pageMessages ??= { en, zhCN });
}

let pageMessages: { en: object; zhCN: object } | undefined;

/** Switches the UI, antd's texts, dates and the server's language in one step. */
export async function changeLanguage(language: UiLanguage): Promise<void> {
  if (language === 'zh-TW' && !i18n.hasResourceBundle('zh-TW', 'translation')) {
    await loadTraditional();
    i18n.addResourceBundle('zh-TW', 'translation', traditionalTree(shellZhCN));
    for (const messages of addedMessages) i18n.addResourceBundle('zh-TW', 'translation', traditionalTree(messages.zhCN), true, true);
  }
  setServerLanguage(language);
  void import('./dayjs-locale').then((module) => module.setDayjsLocale(language));
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'en';
}
