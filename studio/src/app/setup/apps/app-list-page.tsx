import { PlusOutlined } from '@ant-design/icons';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Grid, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { AppIcon } from '../../../shared/shell/app-icon';
import { permissionSetsQuery } from '../users/admin-user';
import { tabKey, type AppDefinition, type AppTabDefinition } from './app-draft';
import { AppEditor } from './app-editor';

const appsQuery = queryOptions({ queryKey: ['meta', 'apps'], queryFn: () => api<{ apps: AppDefinition[]; etags?: Readonly<Record<string, string>> }>('/meta/apps') });

/** /setup/apps (and /new, /:name, which open the editor over the list): the apps in the app switcher's order, with their tabs and who sees them. */
export function AppListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { name } = useParams();
  const wide = Grid.useBreakpoint().md !== false;
  const apps = useQuery(appsQuery);
  const objects = useObjects();
  const sets = useQuery(permissionSetsQuery);
  const setLabel = (set: string) => localize(sets.data?.permissionSets.find((candidate) => candidate.name === set)?.label, language, set);
  const list = [...(apps.data?.apps ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.name.localeCompare(b.name));
  const open = name === undefined ? undefined : name === 'new' ? 'new' : list.find((app) => app.name === name);
  const close = () => void navigate('/setup/apps');
  const tabName = (tab: AppTabDefinition) => {
    if ('page' in tab) return localize(tab.label, language, tab.page === '/' ? t('setup.apps.homePage') : tab.page);
    const object = objects.data?.objects.find((candidate) => candidate.name === tab.object);
    return localize(object?.pluralLabel ?? object?.label, language, tab.object);
  };

  const columns: TableColumnsType<AppDefinition> = [
    {
      key: 'label',
      title: t('setup.apps.label'),
      render: (_, app) => (
        <Link to={`/setup/apps/${app.name}`} className="app-list-name">
          <AppIcon name={app.icon ?? 'AppstoreOutlined'} />
          <span>{localize(app.label, language, app.name)}</span>
        </Link>
      ),
    },
    {
      key: 'tabs',
      title: t('setup.apps.tabs'),
      render: (_, app) => (
        <span className="app-list-tabs">
          {app.tabs.map((tab) => (
            <Tag key={tabKey(tab)}>{tabName(tab)}</Tag>
          ))}
        </span>
      ),
    },
    {
      key: 'audience',
      title: t('setup.apps.audience'),
      responsive: ['md'],
      render: (_, app) => (app.permissionSets?.length ? app.permissionSets.map(setLabel).join(language === 'en' ? ', ' : '、') : <Tag color="blue">{t('setup.apps.everyone')}</Tag>),
    },
  ];

  return (
    <section aria-labelledby="setup-apps-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-apps-title">{t('setup.apps.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.apps.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/apps/new')}>
          {t('setup.apps.new')}
        </Button>
      </header>
      {apps.error && <Alert type="error" showIcon role="alert" title={t('setup.apps.loadFailed', { message: apps.error.message })} />}
      <Table<AppDefinition>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={list}
        loading={apps.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.apps.empty')}</span> }}
      />
      <Drawer open={open !== undefined} onClose={close} size={wide ? 640 : '100%'} title={open === 'new' ? t('setup.apps.newTitle') : open ? localize(open.label, language, open.name) : ''} destroyOnHidden>
        {open === 'new' && <AppEditor key="new" onSaved={(saved) => void navigate(`/setup/apps/${saved}`, { replace: true })} onDeleted={close} onCancel={close} />}
        {open && open !== 'new' && <AppEditor key={open.name} app={open} etag={apps.data?.etags?.[open.name]} onSaved={() => undefined} onDeleted={close} onCancel={close} />}
      </Drawer>
    </section>
  );
}
