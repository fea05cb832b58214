import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import type { LayoutDefinition } from './layout-draft';
import { layoutsQuery } from './layouts-query';

/** /setup/layouts: every layout with its object, whether it is the default, and how many fields it places; a new one starts from its object. */
export function LayoutListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const layouts = useQuery(layoutsQuery);
  const objects = useObjects();
  const objectLabel = (name: string) => {
    const object = objects.data?.objects.find((candidate) => candidate.name === name);
    return localize(object?.label, language, name);
  };
  const list = [...(layouts.data?.layouts ?? [])].sort((a, b) => objectLabel(a.object).localeCompare(objectLabel(b.object), language) || a.name.localeCompare(b.name));
  const columns: TableColumnsType<LayoutDefinition> = [
    { key: 'label', title: t('setup.layouts.label'), render: (_, layout) => <Link to={`/setup/layouts/${layout.name}`}>{localize(layout.label, language, layout.name)}</Link> },
    { key: 'object', title: t('setup.layouts.object'), render: (_, layout) => objectLabel(layout.object) },
    { key: 'default', title: t('setup.layouts.default'), render: (_, layout) => (layout.isDefault ? <Tag color="blue">{t('setup.layouts.default')}</Tag> : null) },
    { key: 'fields', title: t('setup.layouts.fields'), responsive: ['sm'], render: (_, layout) => t('setup.layouts.fieldsCount', { count: layout.sections.reduce((sum, section) => sum + section.fields.length, 0) }) },
  ];
  return (
    <section aria-labelledby="setup-layouts-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-layouts-title">{t('setup.layouts.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.layouts.subtitle')}</p>
        </div>
        <Select
          className="layout-new-object"
          value={null}
          placeholder={t('setup.layouts.new')}
          aria-label={t('setup.layouts.pickObject')}
          showSearch={{ optionFilterProp: 'label' }}
          options={(objects.data?.objects ?? []).map((object) => ({ value: object.name, label: localize(object.label, language, object.name) }))}
          onChange={(object: string) => void navigate(`/setup/layouts/new?object=${encodeURIComponent(object)}`)}
        />
      </header>
      {layouts.error && <Alert type="error" showIcon role="alert" title={t('setup.layouts.loadFailed', { message: layouts.error.message })} />}
      <Table<LayoutDefinition> rowKey="name" size="middle" columns={columns} dataSource={list} loading={layouts.isPending} pagination={false} />
    </section>
  );
}
