import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, theme } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import zhTW from 'antd/es/locale/zh_TW';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
// The DOM build of the provider: it honours `flushSync` on navigations (the plain one ignores it).
import { RouterProvider } from 'react-router/dom';
import { appRoutes } from '../../app/routes';
import { queryClient } from '../api/query-client';
import { i18n } from '../i18n/i18n';
import type { UiLanguage } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';
import { watchSessionExpiry } from './session-expiry';
import { useReducedMotion } from './use-reduced-motion';

const ANTD_LOCALE: Record<UiLanguage, Locale> = { en: enUS, 'zh-CN': zhCN, 'zh-TW': zhTW };


const router = createBrowserRouter(appRoutes);

function Themed() {
  const language = useLanguage();
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider
      locale={ANTD_LOCALE[language]}
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: '#1d4ed8',
          // antd derives a lighter hover from the primary colour, on which white text falls under
          // WCAG AA contrast (axe flagged a hovered Create button): darker shades instead.
          colorPrimaryHover: '#1e40af',
          colorPrimaryActive: '#1e3a8a',
          // antd's default secondary greys (45% black) fall under WCAG AA contrast on white.
          colorTextDescription: '#5f6673',
          colorTextTertiary: '#5f6673',
          colorTextPlaceholder: '#6b7280',
          colorLink: '#1d4ed8',
          colorError: '#d92020',
          colorLinkHover: '#1e40af',
          borderRadius: 8,
          motion: !reducedMotion,
          fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'PingFang TC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
        },
      }}
    >
      <RouterProvider router={router} />
    </ConfigProvider>
  );
}

/** Providers in one place: translations, the server-state cache, antd's theme and locale, the router. */
export function Root() {
  useEffect(() => watchSessionExpiry(queryClient), []);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Themed />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
