import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../shared/api/api-client';
import { localize, type LocalizedText } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { DefinitionPath } from './use-definition-editor';

/** What a page hands its kind's editor: the definition read (none for a new one) and where to go next. */
export interface EditorSlot<D> {
  readonly definition?: D;
  readonly etag?: string;
  /** The object a new definition starts on (?object=…). */
  readonly object?: string;
  /** The server's answer to the create that led here, once (a webhook's secret shown the one time it is known); gone on a reload. */
  readonly created?: unknown;
  readonly onSaved: (name: string, created?: unknown) => void;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

interface DefinitionPageProps<D> {
  /** Where the kind lives under /meta, and its setup pages under /setup. */
  readonly path: DefinitionPath;
  readonly setupPath: string;
  readonly newTitle: string;
  readonly backToList: string;
  readonly editor: (slot: EditorSlot<D>) => ReactNode;
}

/**
 * /setup/<kind>/new (?object=… to start on an object) and /setup/<kind>/:name: one definition of a
 * kind read through /meta, with its editor, a way back to the list, and the page's title.
 */
export function DefinitionPage<D extends { readonly name: string; readonly label?: LocalizedText }>({ path, setupPath, newTitle, backToList, editor }: DefinitionPageProps<D>) {
  const { name = 'new' } = useParams();
  const [search] = useSearchParams();
  const language = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const [created, setCreated] = useState<unknown>();
  // Kept in the page, and taken out of the browser's history at once: a reload or Back never shows it again.
  useEffect(() => {
    const answer = (location.state as { created?: unknown } | null)?.created;
    if (answer === undefined) return;
    setCreated(answer);
    void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [location, navigate]);
  const creating = name === 'new';
  const existing = useQuery({
    queryKey: ['meta', path, name],
    queryFn: () => api<{ definition: D; etag?: string }>(`/meta/${path}/${encodeURIComponent(name)}`),
    enabled: !creating,
  });
  const back = () => void navigate(`/setup/${setupPath}`);
  const definition = existing.data?.definition;
  const title = creating ? newTitle : localize(definition?.label, language, name);
  const headingId = `setup-${setupPath}-definition-title`;
  return (
    <section aria-labelledby={headingId} className="setup-form">
      <Link to={`/setup/${setupPath}`} className="setup-back">
        <ArrowLeftOutlined aria-hidden /> {backToList}
      </Link>
      <header className="setup-page-header">
        <h2 id={headingId}>{title}</h2>
        {definition && <span className="setup-api-name">{definition.name}</span>}
      </header>
      {!creating && existing.isPending && <Spin className="page-spinner" />}
      {existing.error && <Alert type="error" showIcon role="alert" title={existing.error.message} />}
      {creating && <div key="new">{editor({ object: search.get('object') ?? undefined, onSaved: (saved, answer) => void navigate(`/setup/${setupPath}/${saved}`, { replace: true, state: { created: answer } }), onDeleted: back, onCancel: back })}</div>}
      {definition && <div key={definition.name}>{editor({ definition, etag: existing.data?.etag, created, onSaved: () => undefined, onDeleted: back, onCancel: back })}</div>}
    </section>
  );
}
