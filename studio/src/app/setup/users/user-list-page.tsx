import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Grid, Input, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../../shared/api/session';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { rolesQuery } from '../roles/roles-query';
import { isActive, MAX_USERS, permissionSetsOf, permissionSetsQuery, usersQuery, type AdminUser } from './admin-user';
import { StatusTag } from './status-tag';
import { UserActions } from './user-actions';
import { filterUsers, type ActiveFilter, type UserLabels } from './user-filter';
import { UserForm } from './user-form';

/**
 * /setup/users (and /new, /:id, which open the drawer over the list): every user with their
 * e-mail, role, permission sets and status, searchable; a user's form and account actions in a drawer.
 */
export function UserListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { id } = useParams();
  const wide = Grid.useBreakpoint().md !== false;
  const me = useSession().data;
  const users = useQuery(usersQuery);
  const roles = useQuery(rolesQuery);
  const sets = useQuery(permissionSetsQuery);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ActiveFilter>('all');
  const labels = useMemo<UserLabels>(() => {
    const roleLabels = new Map((roles.data?.roles ?? []).map((role) => [role.name, localize(role.label, language, role.name)]));
    const setLabels = new Map((sets.data?.permissionSets ?? []).map((set) => [set.name, localize(set.label, language, set.name)]));
    return { role: (name) => roleLabels.get(name) ?? name, permissionSet: (name) => setLabels.get(name) ?? name };
  }, [roles.data, sets.data, language]);
  const rows = filterUsers(users.data?.users ?? [], text, status, labels);
  const open = id === undefined ? undefined : id === 'new' ? 'new' : users.data?.users.find((user) => user._id === id);
  const close = () => void navigate('/setup/users');

  const columns: TableColumnsType<AdminUser> = [
    { key: 'name', title: t('setup.users.fullName'), render: (_, user) => <Link to={`/setup/users/${encodeURIComponent(user._id)}`}>{user.full_name || user.email}</Link> },
    { key: 'email', title: t('setup.users.email'), responsive: ['md'], render: (_, user) => user.email },
    { key: 'role', title: t('setup.users.role'), render: (_, user) => (user.role ? labels.role(user.role) : '') },
    {
      key: 'sets',
      title: t('setup.users.permissionSets'),
      responsive: ['lg'],
      render: (_, user) => permissionSetsOf(user).map((name) => <Tag key={name}>{labels.permissionSet(name)}</Tag>),
    },
    { key: 'active', title: t('setup.users.status'), render: (_, user) => <StatusTag active={isActive(user)} /> },
  ];

  return (
    <section aria-labelledby="setup-users-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-users-title">{t('setup.users.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.users.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/users/new')}>
          {t('setup.users.new')}
        </Button>
      </header>
      {users.error && <Alert type="error" showIcon role="alert" title={t('setup.users.loadFailed', { message: users.error.message })} />}
      {users.data && !users.data.complete && <Alert type="info" showIcon className="setup-form-alert" title={t('setup.users.partial', { count: MAX_USERS })} />}
      <div className="setup-toolbar">
        <Input allowClear prefix={<SearchOutlined aria-hidden />} placeholder={t('setup.users.search')} aria-label={t('setup.users.search')} value={text} onChange={(event) => setText(event.target.value)} />
        <Segmented<ActiveFilter>
          aria-label={t('setup.users.status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('setup.users.all') },
            { value: 'active', label: t('setup.users.active') },
            { value: 'inactive', label: t('setup.users.inactive') },
          ]}
        />
      </div>
      <Table<AdminUser>
        rowKey="_id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={users.isPending}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: text.trim() === '' ? undefined : t('setup.users.empty', { query: text.trim() }) }}
      />
      <Drawer
        open={open !== undefined}
        onClose={close}
        size={wide ? 520 : '100%'}
        title={open === 'new' ? t('setup.users.newTitle') : open ? (open.full_name ?? open.email) : ''}
        destroyOnHidden
      >
        {open === 'new' && <UserForm key="new" onSaved={(created) => void navigate(`/setup/users/${encodeURIComponent(created)}`, { replace: true })} onCancel={close} />}
        {open && open !== 'new' && (
          <>
            <UserForm key={`${open._id}:${open._version}`} user={open} onSaved={() => undefined} onCancel={close} />
            <UserActions user={open} self={open._id === me?._id} />
          </>
        )}
      </Drawer>
    </section>
  );
}
