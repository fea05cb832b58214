import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchStartData } from './shared/api/query-client';
import { initI18n, startLanguage } from './shared/i18n/i18n';
import { Root } from './shared/shell/root';
import './styles.css';

const language = startLanguage();
prefetchStartData(language);
await initI18n(language);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
