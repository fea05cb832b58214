import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchStartData } from './shared/api/query-client';
import { initI18n, startLanguage } from './shared/i18n/i18n';
import { Root } from './shared/shell/root';
import './styles.css';

prefetchStartData();
await initI18n(startLanguage());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
