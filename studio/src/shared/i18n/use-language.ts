import { useTranslation } from 'react-i18next';
import { isUiLanguage, type UiLanguage } from './languages';

/** The UI's current language, re-rendering on a switch. */
export function useLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return isUiLanguage(i18n.language) ? i18n.language : 'en';
}
