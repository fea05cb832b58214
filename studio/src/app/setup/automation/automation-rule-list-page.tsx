import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { automationRulesQuery, ruleChangesQuery } from './automation-queries';
import type { AutomationRuleDefinition } from './automation-rule-definition';
import { ifMatch } from '../use-opened-etag';
import { withActive } from './automation-rule-draft';

/** /setup/automation: the rules grouped by object, in the order they run, each switched on or off in place. */
export function AutomationRuleListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rules = useQuery(automationRulesQuery);
  const changes = useQuery(ruleChangesQuery);
  const objects = useObjects();
  const [switching, setSwitching] = useState<string>();

  const objectLabel = (object: string) => {
    const definition = objects.data?.objects.find((candidate) => candidate.name === object);
    return localize(definition?.pluralLabel ?? definition?.label, language, object);
  };
  const list = [...(rules.data?.automationRules ?? [])].sort(
    (a, b) => objectLabel(a.object).localeCompare(objectLabel(b.object), language) || (a.order ?? 0) - (b.order ?? 0) || a.name.localeCompare(b.name),
  );
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });

  async function toggle(rule: AutomationRuleDefinition, active: boolean) {
    setSwitching(rule.name);
    const name = localize(rule.label, language, rule.name);
    try {
      // The rule as stored now, not as this list cached it: a switch must not put back an older version of it.
      const path = `/meta/automation-rules/${encodeURIComponent(rule.name)}`;
      const current = await api<{ definition: AutomationRuleDefinition; etag?: string }>(path);
      await api(path, { method: 'PUT', body: withActive(current.definition, active), headers: ifMatch(current.etag) });
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      void message.success(t(active ? 'setup.automation.activated' : 'setup.automation.deactivated', { name }));
    } catch (error) {
      // The rule may no longer compile (a field it names was deleted): the server says which.
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSwitching(undefined);
    }
  }

  const columns: TableColumnsType<AutomationRuleDefinition> = [
    { key: 'label', title: t('setup.automation.label'), render: (_, rule) => <Link to={`/setup/automation/${rule.name}`}>{localize(rule.label, language, rule.name)}</Link> },
    { key: 'object', title: t('setup.automation.object'), render: (_, rule) => objectLabel(rule.object) },
    { key: 'trigger', title: t('setup.automation.trigger'), responsive: ['sm'], render: (_, rule) => <Tag>{t(`setup.automation.triggers.${rule.on ?? 'createOrUpdate'}`)}</Tag> },
    {
      key: 'active',
      title: t('setup.automation.active'),
      render: (_, rule) => (
        <Switch
          checked={rule.active !== false}
          loading={switching === rule.name}
          aria-label={t('setup.automation.activeOf', { name: localize(rule.label, language, rule.name) })}
          onChange={(checked) => void toggle(rule, checked)}
        />
      ),
    },
    {
      key: 'changed',
      title: t('setup.automation.lastChange'),
      responsive: ['md'],
      render: (_, rule) => {
        const at = changes.data?.get(rule.name);
        return at ? <time dateTime={at}>{dateTime.format(new Date(at))}</time> : changes.isPending ? '' : t('setup.automation.notRecent');
      },
    },
  ];

  return (
    <section aria-labelledby="setup-automation-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-automation-title">{t('setup.automation.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.automation.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/automation/new')}>
          {t('setup.automation.new')}
        </Button>
      </header>
      {rules.error && <Alert type="error" showIcon role="alert" title={t('setup.automation.loadFailed', { message: rules.error.message })} />}
      <Table<AutomationRuleDefinition>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={list}
        loading={rules.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.automation.empty')}</span> }}
      />
    </section>
  );
}
