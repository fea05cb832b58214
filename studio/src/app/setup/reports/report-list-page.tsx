import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { downloadHref } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import type { ReportDefinition } from './report-draft';
import { ReportBuilder } from './report-builder';
import { reportsQuery } from './reports-query';
import './reports.css';

/** /setup/reports (and /new, /:name, which open the builder): the reports with their object and type, and their exports. */
export function ReportListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { name } = useParams();
  const reports = useQuery(reportsQuery);
  const objects = useObjects();
  const list = [...(reports.data?.reports ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const close = () => void navigate('/setup/reports');
  const objectLabel = (object: string) => {
    const found = objects.data?.objects.find((candidate) => candidate.name === object);
    return localize(found?.pluralLabel ?? found?.label, language, object);
  };

  if (name !== undefined) {
    const report = name === 'new' ? undefined : list.find((one) => one.name === name);
    if (name !== 'new' && !report) return reports.isPending ? null : <Alert type="error" showIcon title={t('setup.reports.loadFailed', { message: name })} />;
    return (
      <section aria-labelledby="setup-report-builder-title">
        <header className="setup-page-header">
          <h2 id="setup-report-builder-title">{report ? localize(report.label, language, report.name) : t('setup.reports.new')}</h2>
        </header>
        <ReportBuilder
          key={name}
          {...(report ? { report, etag: reports.data?.etags?.[report.name] } : {})}
          onSaved={(saved) => void navigate(`/setup/reports/${saved}`, { replace: true })}
          onDeleted={close}
          onCancel={close}
        />
      </section>
    );
  }

  const columns: TableColumnsType<ReportDefinition> = [
    { key: 'label', title: t('setup.reports.label'), render: (_, report) => <Link to={`/setup/reports/${report.name}`}>{localize(report.label, language, report.name)}</Link> },
    { key: 'object', title: t('setup.reports.object'), render: (_, report) => objectLabel(report.object) },
    { key: 'type', title: t('setup.reports.type'), responsive: ['md'], render: (_, report) => t(`setup.reports.types.${report.type}`) },
    {
      key: 'export',
      title: '',
      render: (_, report) => (
        <Space size={4}>
          {(['csv', 'xlsx'] as const).map((format) => (
            <a key={format} href={downloadHref(`/api/v1/reports/${encodeURIComponent(report.name)}/export`, new URLSearchParams({ format }))} download aria-label={`${localize(report.label, language, report.name)} ${format.toUpperCase()}`}>
              <DownloadOutlined aria-hidden /> {t(format === 'csv' ? 'setup.reports.exportCsv' : 'setup.reports.exportXlsx')}
            </a>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <section aria-labelledby="setup-reports-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-reports-title">{t('setup.reports.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.reports.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/reports/new')}>
          {t('setup.reports.new')}
        </Button>
      </header>
      {reports.error && <Alert type="error" showIcon role="alert" title={t('setup.reports.loadFailed', { message: reports.error.message })} />}
      <Table<ReportDefinition> rowKey="name" size="middle" columns={columns} dataSource={list} loading={reports.isPending} pagination={false} locale={{ emptyText: <span className="setup-empty">{t('setup.reports.empty')}</span> }} />
    </section>
  );
}
