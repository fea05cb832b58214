import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import type { AssignmentRuleDefinition } from './assignment-rule-draft';

/** /setup/assignment-rules: the rules by object, in the order they are tried. */
export function AssignmentRuleListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const rules = useQuery({ queryKey: ['meta', 'assignment-rules'], queryFn: () => api<{ assignmentRules: AssignmentRuleDefinition[] }>('/meta/assignment-rules') });
  const objects = useObjects();
  const objectLabel = (object: string) => {
    const definition = objects.data?.objects.find((candidate) => candidate.name === object);
    return localize(definition?.pluralLabel ?? definition?.label, language, object);
  };
  const list = [...(rules.data?.assignmentRules ?? [])].sort(
    (a, b) => objectLabel(a.object).localeCompare(objectLabel(b.object), language) || (a.order ?? 0) - (b.order ?? 0) || a.name.localeCompare(b.name),
  );
  const columns: TableColumnsType<AssignmentRuleDefinition> = [
    { key: 'label', title: t('setup.assignment.label'), render: (_, rule) => <Link to={`/setup/assignment-rules/${rule.name}`}>{localize(rule.label, language, rule.name)}</Link> },
    { key: 'object', title: t('setup.assignment.object'), render: (_, rule) => objectLabel(rule.object) },
    { key: 'entries', title: t('setup.assignment.entriesCount'), responsive: ['sm'], render: (_, rule) => rule.entries.length },
    { key: 'active', title: t('setup.assignment.active'), render: (_, rule) => <Tag color={rule.active === false ? undefined : 'green'}>{t(rule.active === false ? 'setup.assignment.off' : 'setup.assignment.on')}</Tag> },
  ];
  return (
    <section aria-labelledby="setup-assignment-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-assignment-title">{t('setup.assignment.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.assignment.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/assignment-rules/new')}>
          {t('setup.assignment.new')}
        </Button>
      </header>
      {rules.error && <Alert type="error" showIcon role="alert" title={t('setup.assignment.loadFailed', { message: rules.error.message })} />}
      <Table<AssignmentRuleDefinition>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={list}
        loading={rules.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.assignment.empty')}</span> }}
      />
    </section>
  );
}
