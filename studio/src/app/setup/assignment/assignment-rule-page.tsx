import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { AssignmentRuleEditor } from './assignment-rule-editor';
import type { AssignmentRuleDefinition } from './assignment-rule-draft';

/** /setup/assignment-rules/new (?object=…) and /setup/assignment-rules/:name: one assignment rule's editor. */
export function AssignmentRulePage() {
  const { name = 'new' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const creating = name === 'new';
  const existing = useQuery({
    queryKey: ['meta', 'assignment-rules', name],
    queryFn: () => api<{ definition: AssignmentRuleDefinition; etag?: string }>(`/meta/assignment-rules/${encodeURIComponent(name)}`),
    enabled: !creating,
  });
  const back = () => void navigate('/setup/assignment-rules');
  const rule = existing.data?.definition;
  const title = creating ? t('setup.assignment.newTitle') : localize(rule?.label, language, name);
  return (
    <section aria-labelledby="setup-assignment-rule-title" className="setup-form">
      <Link to="/setup/assignment-rules" className="setup-back">
        <ArrowLeftOutlined aria-hidden /> {t('setup.assignment.backToList')}
      </Link>
      <header className="setup-page-header">
        <h2 id="setup-assignment-rule-title">{title}</h2>
        {rule && <span className="setup-api-name">{rule.name}</span>}
      </header>
      {!creating && existing.isPending && <Spin className="page-spinner" />}
      {existing.error && <Alert type="error" showIcon role="alert" title={existing.error.message} />}
      {creating && <AssignmentRuleEditor key="new" object={search.get('object') ?? undefined} onSaved={(saved) => void navigate(`/setup/assignment-rules/${saved}`, { replace: true })} onDeleted={back} onCancel={back} />}
      {rule && <AssignmentRuleEditor key={rule.name} rule={rule} etag={existing.data?.etag} onSaved={() => undefined} onDeleted={back} onCancel={back} />}
    </section>
  );
}
