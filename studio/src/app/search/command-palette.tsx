import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api/api-client';
import { hasSetupRight, useSession } from '../../shared/api/session';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { useApps, type UserApp } from '../../shared/metadata/use-apps';
import { useObjects } from '../../shared/metadata/use-objects';
import { navigation, rememberedApp } from '../../shared/shell/navigation';
import { listViewsQuery } from '../list/list-views';
import { appOptions, pageOptions, viewObjects, viewOptions } from './palette-destinations';
import { canSearchRecords, moveActive, PALETTE_GROUPS, recordOptions, splitMatch, type PaletteOption, type SearchResult } from './palette-options';
import { useDebounced } from './use-debounced';
import './command-palette.css';

/** Records shown at most: enough to pick from while typing; the search page of an object lists more. */
const RECORD_LIMIT = 20;
const DEBOUNCE_MS = 200;

/**
 * The command palette (Ctrl/Cmd+K): one text box over records (the server's search), list views
 * (of the current app's objects and of the objects the text names), the user's apps and the app's
 * own pages. The WAI-ARIA combobox pattern: focus stays in the box, the
 * arrow keys move the active option (aria-activedescendant), Enter opens it, Escape closes.
 * A dialog of its own rather than antd's Modal, and its two icons drawn here: every module it shares
 * with the shell splits the shell's chunks further, which the first load pays for.
 */
export function CommandPalette({ onClose, onOpenApp }: { onClose: () => void; onOpenApp: (app: UserApp) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const objects = useObjects().data?.objects ?? [];
  const apps = useApps().data?.apps ?? [];
  const session = useSession().data;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const term = useDebounced(text.trim(), DEBOUNCE_MS);
  const searching = canSearchRecords(term);

  const search = useQuery({
    queryKey: ['search', term],
    queryFn: () => api<{ results: SearchResult[] }>('/search', { query: { q: term, limit: RECORD_LIMIT } }),
    enabled: searching,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const results = searching ? (search.data?.results ?? []) : [];
  // The app the shell shows (it keeps the user's pick in this browser): its objects' views come first.
  const current = navigation(apps, [], rememberedApp()).app;
  const appObjects = (current?.tabs ?? []).flatMap((tab) => ('object' in tab ? [tab.object] : []));
  const viewed = viewObjects(objects, appObjects, language, term);
  const views = useQueries({ queries: viewed.map((object) => listViewsQuery(object.name, language)) });
  // Without an app the menu lists every object, and so does the palette (their views once named).
  const listed = current ? viewed : [...viewed, ...objects.filter((object) => !viewed.includes(object))];
  const sources = listed.map((object) => ({ object, views: views[viewed.indexOf(object)]?.data?.views ?? [] }));
  const pages = [
    { path: '/', label: t('app.home') },
    { path: '/approvals', label: t('approvals.inboxTitle') },
    { path: '/dashboards', label: t('dashboards.title') },
    { path: '/recycle-bin', label: t('recycleBin.title') },
    { path: '/account/password', label: t('password.title') },
    ...(hasSetupRight(session) ? [{ path: '/setup', label: t('app.setup') }] : []),
  ];
  const options = [
    ...recordOptions(results, objects, language),
    ...viewOptions(sources, language, text, { all: t('views.all'), personal: t('search.personal'), kanban: t('list.modeKanban') }),
    ...appOptions(apps, current?.name, language, text, t('search.currentApp')),
    ...pageOptions(pages, text),
  ];
  const selected = active < options.length ? active : options.length - 1;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    const restore = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    input.current?.focus();
    return () => {
      document.body.style.overflow = overflow;
      restore?.focus();
    };
  }, []);
  useEffect(() => {
    if (selected >= 0) document.getElementById(optionId(selected))?.scrollIntoView({ block: 'nearest' });
  });

  function open(option: PaletteOption | undefined) {
    if (!option) return;
    onClose();
    const app = option.app ? apps.find((candidate) => candidate.name === option.app) : undefined;
    if (app) onOpenApp(app);
    else void navigate(option.path);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Home and End move the caret in the box; with Ctrl they jump to the first and last option.
    const key = event.ctrlKey && (event.key === 'Home' || event.key === 'End') ? event.key : event.key === 'ArrowDown' || event.key === 'ArrowUp' ? event.key : undefined;
    if (key) {
      event.preventDefault();
      setActive(moveActive(selected, options.length, key));
    } else if (event.key === 'Enter' && event.target === input.current) {
      event.preventDefault();
      open(options[selected]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      // Modal: focus goes round the box and the close button only.
      const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('input, button')];
      const at = focusable.indexOf(document.activeElement as HTMLElement);
      event.preventDefault();
      focusable[(at + (event.shiftKey ? focusable.length - 1 : 1)) % focusable.length]?.focus();
    }
  }

  const status = statusText();
  function statusText(): string {
    if (text.trim() === '') return t('search.hintEmpty');
    if (!canSearchRecords(text)) return t('search.tooShort');
    if (search.isError) return t('search.failed', { message: fromServer(search.error.message, language) });
    if (!searching || search.isFetching) return t('search.searching');
    return results.length === 0 ? t('search.noRecords', { query: term }) : t('search.found', { count: results.length });
  }

  let index = -1;
  // On the body, above everything: inside the sticky header it would stay below the phone's bottom tabs.
  return createPortal(
    <div className="palette-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`} className="sr-only">
          {t('search.title')}
        </h2>
        <div className="palette-field">
          <svg className="palette-field-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden focusable="false">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <input
            ref={input}
            className="palette-input"
            type="text"
            role="combobox"
            aria-label={t('search.label')}
            aria-expanded={options.length > 0}
            aria-controls={`${id}-listbox`}
            aria-autocomplete="list"
            aria-activedescendant={selected >= 0 ? optionId(selected) : undefined}
            placeholder={t('search.placeholder')}
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
            }}
          />
          <button type="button" className="palette-close" aria-label={t('search.close')} onClick={onClose}>
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden focusable="false">
              <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        </div>
        <div id={`${id}-listbox`} role="listbox" aria-label={t('search.results')} className="palette-list">
          {PALETTE_GROUPS.map((group) => {
            const members = options.filter((option) => option.group === group);
            if (members.length === 0) return null;
            return (
              <div key={group} role="group" aria-labelledby={`${id}-${group}`} className="palette-group">
                <div id={`${id}-${group}`} role="presentation" className="palette-group-title">
                  {t(`search.${group}`)}
                </div>
                {members.map((option) => {
                  index += 1;
                  const at = index;
                  return (
                    <div
                      key={option.key}
                      id={optionId(at)}
                      role="option"
                      aria-selected={at === selected}
                      className="palette-option"
                      onMouseMove={() => at !== selected && setActive(at)}
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => open(option)}
                    >
                      <span className="palette-option-text">
                        <span className="palette-option-label">
                          <Marked text={option.label} needle={text} />
                        </span>
                        {option.detail && <span className="palette-option-detail">{option.detail}</span>}
                      </span>
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        <div className="palette-footer">
          <span role="status" className="palette-status">
            {status}
          </span>
          <span className="palette-keys" aria-hidden>
            {t('search.keys')}
          </span>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** The label with the typed text marked, all of it as text. */
function Marked({ text, needle }: { text: string; needle: string }) {
  const [before, match, after] = splitMatch(text, needle);
  return <Fragment>{match ? <>{before}<mark>{match}</mark>{after}</> : text}</Fragment>;
}
