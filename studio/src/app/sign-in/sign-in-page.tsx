import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SESSION_KEY, signIn, useSession } from '../../shared/api/session';
import { saveUserLanguage, wasPickedBeforeSignIn } from '../../shared/api/user-language';
import { changeLanguage, currentLanguage } from '../../shared/i18n/i18n';
import { isUiLanguage } from '../../shared/i18n/languages';
import { fromServer } from '../../shared/i18n/localize';
import { Notice } from '../../shared/ui/notice';
import { useLanguage } from '../../shared/i18n/use-language';
import { LanguageSwitch } from '../../shared/shell/language-switch';
import { clearSessionExpired } from '../../shared/shell/session-expiry';
import { safeNext } from './safe-next';

/**
 * Plain inputs rather than antd's: antd's Input brings its form library along, a quarter of the
 * first bundle's budget for two fields.
 *
 * E-mail and password against POST /auth/login: the server sets the HttpOnly session cookie and
 * returns the CSRF token, which stays in memory. Then back to where the user was going.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const absent = { email: email.trim() === '', password: password === '' };
    setMissing(absent);
    if (absent.email || absent.password) return;
    setBusy(true);
    setError(undefined);
    try {
      let user = await signIn(email.trim(), password);
      clearSessionExpired();
      // A language picked on this page is saved on the user; otherwise the saved one applies.
      if (wasPickedBeforeSignIn()) {
        if (user.language !== currentLanguage()) user = await saveUserLanguage(user, currentLanguage()).catch(() => user);
      } else if (isUiLanguage(user.language) && user.language !== currentLanguage()) await changeLanguage(user.language);
      queryClient.setQueryData(SESSION_KEY, user);
      await navigate(next, { replace: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <div className="sign-in-language">
        <LanguageSwitch />
      </div>
      <div className="sign-in-card">
        <div className="sign-in-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <h1 className="sign-in-title">{t('signIn.title')}</h1>
          <p className="sign-in-subtitle">{t('signIn.subtitle')}</p>
        </div>
        {params.get('expired') === '1' && !error && (
          <Notice type="info" className="sign-in-alert">
            {t('signIn.expired')}
          </Notice>
        )}
        {error && (
          <Notice type="error" className="sign-in-alert">
            {fromServer(error, language)}
          </Notice>
        )}
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor="sign-in-email">{t('signIn.email')}</label>
            <input
              id="sign-in-email"
              className="text-input"
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              aria-invalid={missing.email || undefined}
              aria-describedby={missing.email ? 'sign-in-email-error' : undefined}
              onChange={(event) => setEmail(event.target.value)}
            />
            {missing.email && <div id="sign-in-email-error" className="field-error">{t('signIn.emailRequired')}</div>}
          </div>
          <div className="field">
            <label htmlFor="sign-in-password">{t('signIn.password')}</label>
            <input
              id="sign-in-password"
              className="text-input"
              type="password"
              autoComplete="current-password"
              value={password}
              aria-invalid={missing.password || undefined}
              aria-describedby={missing.password ? 'sign-in-password-error' : undefined}
              onChange={(event) => setPassword(event.target.value)}
            />
            {missing.password && <div id="sign-in-password-error" className="field-error">{t('signIn.passwordRequired')}</div>}
          </div>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </form>
      </div>
    </main>
  );
}
