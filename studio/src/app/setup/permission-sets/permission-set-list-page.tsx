import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { permissionSetsOf, permissionSetsQuery, usersQuery } from '../users/admin-user';
import type { PermissionSetDefinition } from './permission-set-draft';
import { SYSTEM_RIGHTS } from './permission-set-rights';

/** /setup/permission-sets: every set, how many users hold it, how many objects it opens and its system rights. */
export function PermissionSetListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const sets = useQuery(permissionSetsQuery);
  const users = useQuery(usersQuery);
  const holders = new Map<string, number>();
  for (const user of users.data?.users ?? []) for (const name of permissionSetsOf(user)) holders.set(name, (holders.get(name) ?? 0) + 1);
  const list = [...(sets.data?.permissionSets ?? [])].sort((a, b) => localize(a.label, language, a.name).localeCompare(localize(b.label, language, b.name), language));

  const columns: TableColumnsType<PermissionSetDefinition> = [
    { key: 'label', title: t('setup.permissionSets.label'), render: (_, set) => <Link to={`/setup/permission-sets/${set.name}`}>{localize(set.label, language, set.name)}</Link> },
    { key: 'name', title: t('setup.permissionSets.apiName'), responsive: ['md'], render: (_, set) => <span className="setup-api-name">{set.name}</span> },
    {
      key: 'users',
      title: t('setup.permissionSets.users'),
      align: 'end',
      render: (_, set) => (users.data ? (holders.get(set.name) ? t('setup.permissionSets.users', { count: holders.get(set.name) }) : t('setup.permissionSets.noUsers')) : ''),
    },
    { key: 'objects', title: t('setup.permissionSets.objectRights'), responsive: ['sm'], render: (_, set) => t('setup.permissionSets.objectsCount', { count: Object.keys(set.objects ?? {}).length }) },
    {
      key: 'system',
      title: t('setup.permissionSets.system'),
      responsive: ['lg'],
      render: (_, set) =>
        SYSTEM_RIGHTS.filter((right) => set.system?.[right]).map((right) => (
          <Tag key={right} color="blue">
            {t(`setup.permissionSets.systemRight.${right}`)}
          </Tag>
        )),
    },
  ];

  return (
    <section aria-labelledby="setup-permission-sets-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-permission-sets-title">{t('setup.permissionSets.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.permissionSets.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/permission-sets/new')}>
          {t('setup.permissionSets.new')}
        </Button>
      </header>
      {sets.error && <Alert type="error" showIcon role="alert" title={t('setup.permissionSets.loadFailed', { message: sets.error.message })} />}
      <Table<PermissionSetDefinition> rowKey="name" size="middle" columns={columns} dataSource={list} loading={sets.isPending} pagination={false} />
    </section>
  );
}
