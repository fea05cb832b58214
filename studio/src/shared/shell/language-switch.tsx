import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SESSION_KEY, type SessionUser } from '../api/session';
import { notePickedBeforeSignIn, saveUserLanguage } from '../api/user-language';
import { changeLanguage } from '../i18n/i18n';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';

/**
 * 简中 / 繁中 / ENG as three toggle buttons (plain buttons keep the first bundle small). Signed in,
 * the choice is saved on the user's own record (a self-service field), so the server and the next
 * sign-in on another device use it too.
 */
export function LanguageSwitch({ user }: { user?: SessionUser | null | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();

  async function pick(next: UiLanguage) {
    if (next === language) return;
    await changeLanguage(next);
    if (!user) {
      notePickedBeforeSignIn();
      return;
    }
    try {
      queryClient.setQueryData(SESSION_KEY, await saveUserLanguage(user, next));
    } catch (error) {
      const { default: message } = await import('antd/es/message');
      void message.error(t('language.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {UI_LANGUAGES.map((value) => (
        <button key={value} type="button" lang={value} aria-pressed={value === language} className="language-option" onClick={() => void pick(value)}>
          {t(`language.${value}`)}
        </button>
      ))}
    </div>
  );
}
