import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language';
import { approvalVersionsQuery, type ProcessVersionList } from './approval-process-query';

type Version = ProcessVersionList['versions'][number];

/**
 * The versions of a process that ran, newest first, with the records still waiting in each: what an
 * admin weighs before changing or deactivating it, since a running record finishes on its version.
 */
export function ProcessVersions({ process }: { process: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const versions = useQuery({ ...approvalVersionsQuery(process), refetchOnWindowFocus: true });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const list = versions.data;
  const columns: TableColumnsType<Version> = [
    {
      key: 'version',
      title: t('setup.approvals.version'),
      render: (_, entry) => (
        <span className="approvals-version">
          {t('setup.approvals.versionNumber', { version: entry.version })}
          {entry.current && <Tag color="green">{t('setup.approvals.versionCurrent')}</Tag>}
        </span>
      ),
    },
    { key: 'since', title: t('setup.approvals.versionSince'), render: (_, entry) => <time dateTime={entry.createdAt}>{dateTime.format(new Date(entry.createdAt))}</time> },
    { key: 'running', title: t('setup.approvals.running'), align: 'right', render: (_, entry) => entry.running },
  ];
  return (
    <section className="approvals-versions" aria-labelledby="approvals-versions-title">
      <h3 id="approvals-versions-title">{t('setup.approvals.versions')}</h3>
      <p className="setup-fieldset-help">{t('setup.approvals.versionsHelp')}</p>
      {versions.error && <Alert type="error" showIcon role="alert" title={t('setup.approvals.versionsFailed', { message: versions.error.message })} />}
      {list && !list.currentStored && list.versions.length > 0 && (
        <Alert type="info" showIcon title={t('setup.approvals.versionNotRunYet', { version: list.versions[0]!.version + 1 })} className="approvals-version-note" />
      )}
      <Table<Version>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={list?.versions ? [...list.versions] : []}
        loading={versions.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.approvals.versionsNone')}</span> }}
      />
    </section>
  );
}
