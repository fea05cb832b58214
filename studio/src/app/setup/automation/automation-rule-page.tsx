import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { AutomationRuleDefinition } from './automation-rule-definition';
import { AutomationRuleEditor } from './automation-rule-editor';

/** /setup/automation/new (?object=… to start on an object) and /setup/automation/:name: one rule's editor. */
export function AutomationRulePage() {
  const { name = 'new' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const creating = name === 'new';
  const existing = useQuery({
    queryKey: ['meta', 'automation-rules', name],
    queryFn: () => api<{ definition: AutomationRuleDefinition; etag?: string }>(`/meta/automation-rules/${encodeURIComponent(name)}`),
    enabled: !creating,
  });
  const back = () => void navigate('/setup/automation');
  const rule = existing.data?.definition;
  const title = creating ? t('setup.automation.newTitle') : localize(rule?.label, language, name);

  return (
    <section aria-labelledby="setup-automation-rule-title" className="setup-form">
      <Link to="/setup/automation" className="setup-back">
        <ArrowLeftOutlined aria-hidden /> {t('setup.automation.backToList')}
      </Link>
      <header className="setup-page-header">
        <h2 id="setup-automation-rule-title">{title}</h2>
        {rule && <span className="setup-api-name">{rule.name}</span>}
      </header>
      {!creating && existing.isPending && <Spin className="page-spinner" />}
      {existing.error && <Alert type="error" showIcon role="alert" title={existing.error.message} />}
      {creating && <AutomationRuleEditor key="new" object={search.get('object') ?? undefined} onSaved={(saved) => void navigate(`/setup/automation/${saved}`, { replace: true })} onDeleted={back} onCancel={back} />}
      {rule && <AutomationRuleEditor key={rule.name} rule={rule} etag={existing.data?.etag} onSaved={() => undefined} onDeleted={back} onCancel={back} />}
    </section>
  );
}
