import type { LocalizedText } from '../../shared/i18n/localize';

/** The label a form's English and 简体中文 inputs say, languages left blank left out; undefined when both are. */
export function draftText(en: string, zh: string): LocalizedText | undefined {
  const text = { ...(en.trim() ? { en: en.trim() } : {}), ...(zh.trim() ? { 'zh-CN': zh.trim() } : {}) };
  return Object.keys(text).length > 0 ? text : undefined;
}
