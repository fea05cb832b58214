import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import type { PrintTemplateDefinition } from './print-template-definition';

/** /setup/print-templates: every print template by object, with its paper. */
export function PrintTemplateListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const objects = useObjects();
  const templates = useQuery({
    queryKey: ['meta', 'print-templates'],
    queryFn: () => api<{ printTemplates: PrintTemplateDefinition[] }>('/meta/print-templates'),
  });
  const objectLabel = (name: string) => {
    const definition = objects.data?.objects.find((candidate) => candidate.name === name);
    return localize(definition?.pluralLabel ?? definition?.label, language, name);
  };
  const list = [...(templates.data?.printTemplates ?? [])].sort((a, b) => objectLabel(a.object).localeCompare(objectLabel(b.object), language) || a.name.localeCompare(b.name));
  const columns: TableColumnsType<PrintTemplateDefinition> = [
    { key: 'label', title: t('setup.printTemplates.label'), render: (_, template) => <Link to={`/setup/print-templates/${template.name}`}>{localize(template.label, language, template.name)}</Link> },
    { key: 'object', title: t('setup.printTemplates.object'), render: (_, template) => objectLabel(template.object) },
    {
      key: 'paper',
      title: t('setup.printTemplates.paper'),
      responsive: ['sm'],
      render: (_, template) => `${template.page?.size ?? 'A4'} · ${t(`setup.printTemplates.orientations.${template.page?.orientation ?? 'portrait'}`)}`,
    },
  ];

  return (
    <section aria-labelledby="setup-print-templates-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-print-templates-title">{t('setup.printTemplates.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.printTemplates.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/print-templates/new')}>
          {t('setup.printTemplates.new')}
        </Button>
      </header>
      {templates.error && <Alert type="error" showIcon role="alert" title={t('setup.printTemplates.loadFailed', { message: templates.error.message })} />}
      <Table<PrintTemplateDefinition>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={list}
        loading={templates.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.printTemplates.empty')}</span> }}
      />
    </section>
  );
}
