import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Grid, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { GroupEditor } from './group-editor';
import { memberCounts, type GroupDefinition } from './group-draft';
import { groupsQuery } from './groups-query';

/** /setup/groups (and /new, /:name, which open the editor over the list): every public group and how many members of each kind it names. */
export function GroupListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { name } = useParams();
  const wide = Grid.useBreakpoint().md !== false;
  const groups = useQuery(groupsQuery);
  const list = [...(groups.data?.groups ?? [])].sort((a, b) => localize(a.label, language, a.name).localeCompare(localize(b.label, language, b.name), language));
  const open = name === undefined ? undefined : name === 'new' ? 'new' : list.find((group) => group.name === name);
  const close = () => void navigate('/setup/groups');

  const columns: TableColumnsType<GroupDefinition> = [
    { key: 'label', title: t('setup.publicGroups.label'), render: (_, group) => <Link to={`/setup/groups/${group.name}`}>{localize(group.label, language, group.name)}</Link> },
    { key: 'name', title: t('setup.publicGroups.apiName'), responsive: ['sm'], render: (_, group) => <span className="setup-api-name">{group.name}</span> },
    {
      key: 'members',
      title: t('setup.publicGroups.members'),
      render: (_, group) => {
        const counts = memberCounts(group);
        const parts = [
          counts.users > 0 ? t('setup.publicGroups.memberUsers', { count: counts.users }) : '',
          counts.roles > 0 ? t('setup.publicGroups.memberRoles', { count: counts.roles }) : '',
          counts.rolesAndSubordinates > 0 ? t('setup.publicGroups.memberSubordinates', { count: counts.rolesAndSubordinates }) : '',
        ].filter(Boolean);
        return parts.length > 0 ? parts.join(language === 'en' ? ', ' : '，') : t('setup.publicGroups.noMembers');
      },
    },
  ];

  return (
    <section aria-labelledby="setup-groups-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-groups-title">{t('setup.publicGroups.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.publicGroups.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/groups/new')}>
          {t('setup.publicGroups.new')}
        </Button>
      </header>
      {groups.error && <Alert type="error" showIcon role="alert" title={t('setup.publicGroups.loadFailed', { message: groups.error.message })} />}
      <Table<GroupDefinition> rowKey="name" size="middle" columns={columns} dataSource={list} loading={groups.isPending} pagination={false} />
      <Drawer
        open={open !== undefined}
        onClose={close}
        size={wide ? 560 : '100%'}
        title={open === 'new' ? t('setup.publicGroups.newTitle') : open ? localize(open.label, language, open.name) : ''}
        destroyOnHidden
      >
        {open === 'new' && <GroupEditor key="new" onSaved={(saved) => void navigate(`/setup/groups/${saved}`, { replace: true })} onDeleted={close} onCancel={close} />}
        {open && open !== 'new' && <GroupEditor key={open.name} group={open} etag={groups.data?.etags?.[open.name]} onSaved={() => undefined} onDeleted={close} onCancel={close} />}
      </Drawer>
    </section>
  );
}
