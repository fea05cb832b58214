import { Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { changeLanguage, currentLanguage } from '../i18n/i18n';
import { isUiLanguage } from '../i18n/languages';
import { sessionExpired } from './session-expiry';

/**
 * The signed-in part of the app. Without a session (never signed in, or expired mid-work) the user
 * goes to the sign-in page, which brings them back here afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const saved = session.data?.language;
  useEffect(() => {
    if (isUiLanguage(saved) && saved !== currentLanguage()) void changeLanguage(saved);
  }, [saved]);

  if (session.isPending) return <Spin fullscreen />;
  if (!session.data) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}${sessionExpired() ? '&expired=1' : ''}`} replace />;
  }
  return children;
}
