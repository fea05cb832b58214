import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, startLanguage } from './shared/i18n/i18n';
import { Root } from './shared/shell/root';
import './styles.css';

await initI18n(startLanguage());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
