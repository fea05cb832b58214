import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Grid, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { historyPath } from '../history/metadata-history';
import { actionParts, auditPageQuery, subjectOf, type AuditEntry } from './audit-entry';
import { AuditEntryDetails } from './audit-entry-details';
import { auditQuery, filtersFromQuery, type AuditFilters } from './audit-filters';
import { AuditFilterForm } from './audit-filter-form';
import { useUserNames } from './use-user-names';
import './audit-log.css';

/**
 * /setup/audit: the tenant's audit log, newest first. Filters and the page's cursor live in the
 * address, so a filtered page can be bookmarked, shared and gone back to; each entry opens to
 * show what it changed.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useSearchParams();
  const wide = Grid.useBreakpoint().sm !== false;
  const filters = filtersFromQuery(search);
  const before = search.get('before');
  const page = useQuery(auditPageQuery(filters, before));
  const { name: userName } = useUserNames();
  const objects = useObjects().data?.objects ?? [];
  const objectLabel = (name: string) => localize(objects.find((object) => object.name === name)?.label, language, name);
  const show = (next: AuditFilters, cursor?: string | null) => setSearch(auditQuery(next, cursor));

  const actionLabel = (action: string): string => {
    const parts = actionParts(action);
    if (parts.area === 'record') return t(`setup.audit.recordActions.${parts.verb}`, { defaultValue: action });
    if (parts.area === 'metadata') return t(`setup.audit.metadataVerbs.${parts.verb}`, { kind: t(`setup.history.kinds.${parts.kind}`, { defaultValue: parts.kind }), defaultValue: action });
    if (parts.area === 'auth') return t(`setup.audit.authActions.${parts.verb}`, { defaultValue: action });
    return action;
  };
  const about = (entry: AuditEntry) => {
    const subject = subjectOf(entry);
    if (subject.type === 'definition') {
      const label = subject.kind === 'object' ? objectLabel(subject.name) : subject.name;
      const text = `${t(`setup.history.kinds.${subject.kind}`, { defaultValue: subject.kind })} ${label}`;
      return subject.kind === 'field' ? text : <Link to={historyPath(subject.kind, subject.name)}>{text}</Link>;
    }
    if (subject.type === 'record') {
      return (
        <>
          {objectLabel(subject.object)}
          {entry.record && (
            <>
              {' · '}
              <Link to={`/o/${encodeURIComponent(subject.object)}/${encodeURIComponent(entry.record)}`} className="setup-api-name audit-record">
                {entry.record}
              </Link>
            </>
          )}
        </>
      );
    }
    // Sign-ins and tokens name the user they are about as their record.
    if (entry.action.startsWith('auth.') && entry.record) return userName(entry.record);
    return '';
  };

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('setup.audit.at'), render: (_, entry) => <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(language)}</time> },
    { key: 'actor', title: t('setup.audit.user'), render: (_, entry) => userName(entry.actor) },
    ...(wide
      ? [
          { key: 'action', title: t('setup.audit.action'), render: (_: unknown, entry: AuditEntry) => actionLabel(entry.action) },
          { key: 'about', title: t('setup.audit.about'), render: (_: unknown, entry: AuditEntry) => about(entry) },
        ]
      : // On a phone, what an entry is about goes under its action rather than in a fourth column.
        [{ key: 'action', title: t('setup.audit.action'), render: (_: unknown, entry: AuditEntry) => <>{actionLabel(entry.action)}<div>{about(entry)}</div></> }]),
  ];
  const entries = page.data?.entries ?? [];
  const next = page.data?.next ?? null;

  return (
    <section aria-labelledby="setup-audit-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-audit-title">{t('setup.audit.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.audit.subtitle')}</p>
        </div>
      </header>
      <AuditFilterForm key={search.toString()} filters={filters} onApply={(next) => show(next)} />
      {page.error && <Alert type="error" showIcon role="alert" title={t('setup.audit.loadFailed', { message: page.error.message })} />}
      <Table<AuditEntry>
        rowKey="_id"
        size="middle"
        columns={columns}
        dataSource={[...entries]}
        loading={page.isPending}
        pagination={false}
        expandable={{ expandedRowRender: (entry) => <AuditEntryDetails entry={entry} /> }}
        locale={{ emptyText: t('setup.audit.empty') }}
      />
      {next !== null && entries.length === 0 && <Alert type="info" showIcon className="setup-form-alert" title={t('setup.audit.partialPage')} />}
      <nav className="audit-pager" aria-label={t('setup.audit.title')}>
        <Button disabled={before === null} onClick={() => show(filters)}>
          {t('setup.audit.newest')}
        </Button>
        <Button disabled={next === null} onClick={() => show(filters, next)}>
          {t('setup.audit.older')}
        </Button>
      </nav>
    </section>
  );
}
