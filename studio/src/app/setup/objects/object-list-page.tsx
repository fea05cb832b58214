import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { AppIcon } from '../../../shared/shell/app-icon';
import { objectRows, recordCountsQuery, type ObjectRow } from './object-summaries';

/** The object manager: every object with its API name, record count and kind, searchable. */
export function ObjectListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const objects = useObjects();
  const counts = useQuery(recordCountsQuery);
  const [text, setText] = useState('');
  const rows = objectRows(objects.data?.objects ?? [], counts.data, language, text);
  const number = new Intl.NumberFormat(language);

  const columns: TableColumnsType<ObjectRow> = [
    { key: 'label', title: t('setup.objects.label'), render: (_, row) => (
        <Link to={`/setup/objects/${row.name}`} className="setup-object-link">
          <AppIcon name={row.icon} />
          {row.label}
        </Link>
      ),
    },
    { key: 'name', title: t('setup.objects.apiName'), render: (_, row) => <span className="setup-api-name">{row.name}</span> },
    { key: 'records', title: t('setup.objects.records'), align: 'end', render: (_, row) => (row.records === undefined ? '' : number.format(row.records)) },
    { key: 'fields', title: t('setup.objects.fields'), align: 'end', responsive: ['md'], render: (_, row) => number.format(row.fields) },
    {
      key: 'kind',
      title: t('setup.objects.kind'),
      responsive: ['sm'],
      render: (_, row) => (row.standard === undefined ? '' : <Tag color={row.standard ? 'default' : 'blue'}>{row.standard ? t('setup.objects.standard') : t('setup.objects.custom')}</Tag>),
    },
  ];

  return (
    <section aria-labelledby="setup-objects-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-objects-title">{t('setup.objects.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.objects.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/objects/new')}>
          {t('setup.objects.new')}
        </Button>
      </header>
      {objects.error && (
        <p role="alert" className="setup-error">
          {t('setup.objects.loadFailed', { message: objects.error.message })}
        </p>
      )}
      <div className="setup-toolbar">
        <Input allowClear prefix={<SearchOutlined aria-hidden />} placeholder={t('setup.objects.search')} aria-label={t('setup.objects.search')} value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      <Table<ObjectRow>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={objects.isPending}
        pagination={false}
        locale={{ emptyText: text.trim() === '' ? undefined : t('setup.objects.empty', { query: text.trim() }) }}
      />
    </section>
  );
}
