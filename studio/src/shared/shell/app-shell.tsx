import { ApiOutlined, AppstoreOutlined, HomeOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Grid, Layout, Menu, Spin, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { signOut, useSession } from '../api/session';
import { localize } from '../i18n/localize';
import { useLanguage } from '../i18n/use-language';
import { useObjects } from '../metadata/use-objects';
import { LanguageSwitch } from './language-switch';
import { SearchLauncher } from './search-launcher';
import { clearSessionExpired } from './session-expiry';

/** The navigation drawer exists only on narrow screens: its code loads when first opened there. */
const Drawer = lazy(() => import('antd/es/drawer'));

/** The frame of every signed-in page: the header, navigation by object, and the page. */
export function AppShell() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const objects = useObjects();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const wide = screens.md !== false;
  const user = session.data;

  const selected = location.pathname.startsWith('/o/') ? `/o/${location.pathname.split('/')[2] ?? ''}` : '/';
  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('app.home')}</Link> },
    {
      type: 'group',
      key: 'objects',
      label: t('app.navigation'),
      children: (objects.data?.objects ?? []).map((object) => ({
        key: `/o/${object.name}`,
        icon: <AppstoreOutlined />,
        label: <Link to={`/o/${object.name}`}>{localize(object.pluralLabel ?? object.label, language, object.name)}</Link>,
      })),
    },
  ];
  const menu = <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={() => setDrawerOpen(false)} style={{ borderInlineEnd: 0 }} />;

  async function leave() {
    await signOut().catch(() => undefined);
    clearSessionExpired();
    queryClient.clear();
    await navigate('/sign-in', { replace: true });
  }

  const accountItems: MenuProps['items'] = [
    { key: 'who', label: t('user.signedInAs', { name: user?.full_name ?? user?.email ?? '' }), disabled: true },
    { type: 'divider' },
    { key: 'api', icon: <ApiOutlined />, label: <a href="/api/docs">{t('app.apiReference')}</a> },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('user.signOut'), onClick: () => void leave() },
  ];

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <Layout.Header className="shell-header">
        {!wide && <Button type="text" icon={<MenuOutlined />} aria-label={t('app.menu')} onClick={() => setDrawerOpen(true)} className="shell-header-button" />}
        <Link to="/" className="shell-brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>{t('app.name')}</span>
        </Link>
        {wide && <SearchLauncher compact={false} />}
        <div className="shell-header-end">
          {!wide && <SearchLauncher compact />}
          <LanguageSwitch user={user} />
          <Dropdown menu={{ items: accountItems }} trigger={['click']} placement="bottomRight">
            <Button type="text" className="shell-header-button shell-account" aria-label={wide ? undefined : t('user.account')}>
              <UserOutlined aria-hidden className="shell-user-icon" />
              {wide && <span className="shell-user-name">{user?.full_name ?? user?.email}</span>}
            </Button>
          </Dropdown>
        </div>
      </Layout.Header>
      <Layout>
        {wide && (
          <Layout.Sider width={232} theme="light" className="shell-sider">
            <nav aria-label={t('app.navigation')}>{menu}</nav>
          </Layout.Sider>
        )}
        {!wide && drawerOpen && (
          <Suspense fallback={null}>
            <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={280} title={t('app.navigation')}>
              <nav aria-label={t('app.navigation')}>{menu}</nav>
            </Drawer>
          </Suspense>
        )}
        <Layout.Content id="main" tabIndex={-1} className="shell-content">
          <Suspense fallback={<Spin className="page-spinner" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
