import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import type { PrintTemplateDefinition } from './print-template-definition';
import { PrintTemplateEditor } from './print-template-editor';

/** /setup/print-templates/new (?object=… to start on an object) and /setup/print-templates/:name: one template's editor. */
export function PrintTemplatePage() {
  const { name = 'new' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const objects = useObjects();
  const creating = name === 'new';
  const existing = useQuery({
    queryKey: ['meta', 'print-templates', name],
    queryFn: () => api<{ definition: PrintTemplateDefinition; etag?: string }>(`/meta/print-templates/${encodeURIComponent(name)}`),
    enabled: !creating,
  });
  const back = () => void navigate('/setup/print-templates');
  const template = existing.data?.definition;
  const title = creating ? t('setup.printTemplates.newTitle') : localize(template?.label, language, name);

  return (
    <section aria-labelledby="setup-print-template-title" className="setup-form">
      <Link to="/setup/print-templates" className="setup-back">
        <ArrowLeftOutlined aria-hidden /> {t('setup.printTemplates.backToList')}
      </Link>
      <header className="setup-page-header">
        <h2 id="setup-print-template-title">{title}</h2>
        {template && <span className="setup-api-name">{template.name}</span>}
      </header>
      {((!creating && existing.isPending) || objects.isPending) && <Spin className="page-spinner" />}
      {existing.error && <Alert type="error" showIcon role="alert" title={existing.error.message} />}
      {creating && objects.data && (
        <PrintTemplateEditor key="new" object={search.get('object') ?? undefined} onSaved={(saved) => void navigate(`/setup/print-templates/${saved}`, { replace: true })} onDeleted={back} onCancel={back} />
      )}
      {template && objects.data && <PrintTemplateEditor key={template.name} template={template} etag={existing.data?.etag} onSaved={() => undefined} onDeleted={back} onCancel={back} />}
    </section>
  );
}
