import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Grid, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { filterToModel } from '../../list/filter/filter-rows';
import { groupsQuery } from '../groups/groups-query';
import { rolesQuery } from '../roles/roles-query';
import { granteeDraftOf, type Grantee, type SharingRuleDefinition } from './sharing-rule-draft';
import { SharingRuleEditor } from './sharing-rule-editor';

const sharingRulesQuery = { queryKey: ['meta', 'sharing-rules'], queryFn: () => api<{ sharingRules: SharingRuleDefinition[]; etags?: Readonly<Record<string, string>> }>('/meta/sharing-rules') };

/** /setup/sharing-rules (and /new, /:name, which open the editor over the list): each rule as a sentence of what it shares with whom. */
export function SharingRuleListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { name } = useParams();
  const wide = Grid.useBreakpoint().md !== false;
  const rules = useQuery(sharingRulesQuery);
  const objects = useObjects();
  const roles = useQuery(rolesQuery);
  const groups = useQuery(groupsQuery);
  const list = [...(rules.data?.sharingRules ?? [])].sort((a, b) => localize(a.label, language, a.name).localeCompare(localize(b.label, language, b.name), language));
  const open = name === undefined ? undefined : name === 'new' ? 'new' : list.find((rule) => rule.name === name);
  const close = () => void navigate('/setup/sharing-rules');

  const objectLabel = (object: string) => {
    const definition = objects.data?.objects.find((candidate) => candidate.name === object);
    return localize(definition?.pluralLabel ?? definition?.label, language, object);
  };
  const granteeText = (grantee: Grantee | undefined) => {
    const { kind, name: who = '' } = granteeDraftOf(grantee);
    const found = kind === 'group' ? groups.data?.groups.find((group) => group.name === who) : roles.data?.roles.find((role) => role.name === who);
    return t('setup.sharingRules.grantee', { kind: t(`setup.sharingRules.kinds.${kind}`), name: localize(found?.label, language, who) });
  };
  const whichText = (rule: SharingRuleDefinition) => {
    if (rule.ownedBy) return t('setup.sharingRules.summaryOwner', { grantee: granteeText(rule.ownedBy) });
    if (rule.criteria === 'all') return t('setup.sharingRules.summaryAll');
    const model = filterToModel(rule.criteria);
    return model ? t('setup.sharingRules.summaryCriteria', { count: model.rows.length }) : t('setup.sharingRules.summaryCustom');
  };

  const columns: TableColumnsType<SharingRuleDefinition> = [
    { key: 'label', title: t('setup.sharingRules.label'), render: (_, rule) => <Link to={`/setup/sharing-rules/${rule.name}`}>{localize(rule.label, language, rule.name)}</Link> },
    { key: 'object', title: t('setup.sharingRules.object'), render: (_, rule) => objectLabel(rule.object) },
    { key: 'which', title: t('setup.sharingRules.which'), responsive: ['md'], render: (_, rule) => whichText(rule) },
    { key: 'with', title: t('setup.sharingRules.sharedWith'), responsive: ['sm'], render: (_, rule) => granteeText(rule.sharedWith) },
    {
      key: 'access',
      title: t('setup.sharingRules.access'),
      render: (_, rule) => <Tag color={rule.access === 'edit' ? 'orange' : 'blue'}>{rule.access === 'edit' ? t('setup.sharingRules.edit') : t('setup.sharingRules.read')}</Tag>,
    },
  ];

  return (
    <section aria-labelledby="setup-sharing-rules-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-sharing-rules-title">{t('setup.sharingRules.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.sharingRules.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/sharing-rules/new')}>
          {t('setup.sharingRules.new')}
        </Button>
      </header>
      {rules.error && <Alert type="error" showIcon role="alert" title={t('setup.sharingRules.loadFailed', { message: rules.error.message })} />}
      <Table<SharingRuleDefinition>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={list}
        loading={rules.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.sharingRules.empty')}</span> }}
      />
      <Drawer
        open={open !== undefined}
        onClose={close}
        size={wide ? 640 : '100%'}
        title={open === 'new' ? t('setup.sharingRules.newTitle') : open ? localize(open.label, language, open.name) : ''}
        destroyOnHidden
      >
        {open === 'new' && <SharingRuleEditor key="new" onSaved={(saved) => void navigate(`/setup/sharing-rules/${saved}`, { replace: true })} onDeleted={close} onCancel={close} />}
        {open && open !== 'new' && <SharingRuleEditor key={open.name} rule={open} etag={rules.data?.etags?.[open.name]} onSaved={() => undefined} onDeleted={close} onCancel={close} />}
      </Drawer>
    </section>
  );
}
