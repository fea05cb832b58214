import { Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { changeLanguage, currentLanguage } from '../i18n/i18n';
import { isUiLanguage, type UiLanguage } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';
import { sessionExpired } from './session-expiry';

/**
 * The signed-in part of the app. Without a session (never signed in, or expired mid-work) the user
 * goes to the sign-in page, which brings them back here afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const saved = session.data?.language;
  const language = useLanguage();
  const [applied, setApplied] = useState<UiLanguage>();
  useEffect(() => {
    if (!isUiLanguage(saved)) return;
    if (saved === currentLanguage()) setApplied(saved);
    else void changeLanguage(saved).then(() => setApplied(saved));
  }, [saved]);

  if (session.isPending) return <Spin fullscreen />;
  // Pages wait for the user's saved language on the first load: a form rendered in the browser's
  // language and then re-rendered in the saved one would drop what was typed meanwhile.
  if (session.data && isUiLanguage(saved) && applied === undefined && saved !== language) return <Spin fullscreen />;
  if (!session.data) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}${sessionExpired() ? '&expired=1' : ''}`} replace />;
  }
  return children;
}
