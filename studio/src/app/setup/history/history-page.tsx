import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLanguage } from '../../../shared/i18n/use-language';
import { METADATA_KINDS } from '../../../shared/metadata/metadata-kinds';
import { useKindName, usePackKinds } from '../../../shared/metadata/pack-kinds';
import { useUserNames } from '../audit/use-user-names';
import { actionVerb, historyPath, historyQuery, type HistoryEntry } from './metadata-history';
import './history.css';

/** The platform's kinds the history names (a field's change is a change of its object); the tenant's packs add theirs. */
const KINDS: readonly string[] = METADATA_KINDS.map((entry) => entry.kind);

/** /setup/history: recent metadata changes, newest first, narrowed by kind, each opening its definition's versions. */
export function HistoryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useSearchParams();
  const kind = search.get('kind') ?? undefined;
  const before = Number(search.get('before')) || undefined;
  const page = useQuery(historyQuery({ kind, before }));
  const { name: userName } = useUserNames();
  const show = (nextKind: string | undefined, cursor?: number) =>
    setSearch(new URLSearchParams({ ...(nextKind ? { kind: nextKind } : {}), ...(cursor ? { before: String(cursor) } : {}) }));
  const kindName = useKindName();
  const kinds = [...KINDS, ...usePackKinds().map((entry) => entry.kind)];

  const columns: TableColumnsType<HistoryEntry> = [
    { key: 'version', title: t('setup.history.version'), render: (_, entry) => entry.version },
    { key: 'at', title: t('setup.history.at'), responsive: ['md'], render: (_, entry) => <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(language)}</time> },
    {
      key: 'definition',
      title: t('setup.history.definition'),
      render: (_, entry) => (
        <>
          {kindName(entry.kind)}{' '}
          <Link to={historyPath(entry.kind, entry.name)} className="setup-api-name">
            {entry.name}
          </Link>
        </>
      ),
    },
    { key: 'change', title: t('setup.history.change'), render: (_, entry) => t(`setup.history.actions.${actionVerb(entry.action)}`, { defaultValue: entry.action }) },
    { key: 'by', title: t('setup.history.by'), responsive: ['sm'], render: (_, entry) => userName(entry.by) },
  ];
  const next = page.data?.next ?? null;
  return (
    <section aria-labelledby="setup-history-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-history-title">{t('setup.history.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.history.subtitle')}</p>
        </div>
      </header>
      <div className="setup-toolbar">
        <Select
          allowClear
          className="history-kind"
          style={{ minWidth: 220 }}
          aria-label={t('setup.history.kind')}
          placeholder={t('setup.history.anyKind')}
          value={kind}
          onChange={(value?: string) => show(value)}
          options={kinds.map((name) => ({ value: name, label: kindName(name) }))}
        />
      </div>
      {page.error && <Alert type="error" showIcon role="alert" title={t('setup.history.loadFailed', { message: page.error.message })} />}
      <Table<HistoryEntry>
        rowKey="_id"
        size="middle"
        columns={columns}
        dataSource={[...(page.data?.entries ?? [])]}
        loading={page.isPending}
        pagination={false}
        locale={{ emptyText: t('setup.history.empty') }}
      />
      <nav className="history-pager" aria-label={t('setup.history.title')}>
        <Button disabled={before === undefined} onClick={() => show(kind)}>
          {t('setup.history.newest')}
        </Button>
        <Button disabled={next === null} onClick={() => show(kind, next ?? undefined)}>
          {t('setup.history.older')}
        </Button>
      </nav>
    </section>
  );
}
