import { SearchOutlined } from '@ant-design/icons';
import { lazy, Suspense, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPageMessages } from '../i18n/i18n';
import type { UserApp } from '../metadata/use-apps';

/** The palette's code, styles and texts load when it is first opened: the shell holds only this button. */
const CommandPalette = lazy(() => Promise.all([import('../../app/search/command-palette'), loadPageMessages()]).then(([module]) => ({ default: module.CommandPalette })));

const MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The header's search box (an icon on phones) and Ctrl/Cmd+K anywhere: both open the command palette (which opens apps through the shell). */
export function SearchLauncher({ compact, onOpenApp }: { compact: boolean; onOpenApp: (app: UserApp) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // A layout effect: the shortcut works from the moment the button is on screen (a passive effect
  // may run after the first paint, and a Ctrl+K pressed in between would be lost).
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className={compact ? 'shell-header-button shell-search-icon' : 'shell-search'}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        aria-label={compact ? t('app.search') : undefined}
        onClick={() => setOpen(true)}
      >
        <SearchOutlined aria-hidden />
        {!compact && <span className="shell-search-text">{t('app.search')}</span>}
        {!compact && <kbd className="shell-search-key">{MAC ? '⌘K' : 'Ctrl K'}</kbd>}
      </button>
      {open && (
        <Suspense fallback={null}>
          <CommandPalette onClose={() => setOpen(false)} onOpenApp={onOpenApp} />
        </Suspense>
      )}
    </>
  );
}
