import { ApiOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Grid, Layout, Menu, Spin, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { hasSetupRight, signOut, useSession } from '../api/session';
import { fromServer, localize } from '../i18n/localize';
import { useLanguage } from '../i18n/use-language';
import { useApps, type UserApp } from '../metadata/use-apps';
import { useObjects } from '../metadata/use-objects';
import { ApprovalsBadge } from './approvals-badge';
import { AppSwitcher } from './app-switcher';
import { BottomNav } from './bottom-nav';
import { LanguageSwitch } from './language-switch';
import { navigation, rememberApp, rememberedApp, selectedTab, type NavTab } from './navigation';
import { TabIcon } from './tab-icon';
import { SearchLauncher } from './search-launcher';
import { clearSessionExpired } from './session-expiry';

/** The navigation drawer exists only on narrow screens: its code loads when first opened there. */
const Drawer = lazy(() => import('antd/es/drawer'));

/**
 * The frame of every signed-in page: the header with the app switcher, the current app's tabs (on
 * phones also at the bottom), and the page. Without apps, the navigation lists the objects.
 */
export function AppShell() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const objects = useObjects();
  const apps = useApps();
  const [remembered, setRemembered] = useState(rememberedApp);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const wide = screens.md !== false;
  const user = session.data;

  const objectLabels = (objects.data?.objects ?? []).map((object) => ({ name: object.name, label: localize(object.pluralLabel ?? object.label, language, object.name), ...(object.icon ? { icon: object.icon } : {}) }));
  // Objects stand in for apps only once it is known there are none: no flash of one menu before the other.
  const nav = navigation(apps.data?.apps ?? [], apps.isPending ? [] : objectLabels, remembered);
  const selected = selectedTab(nav.tabs, location.pathname);
  const tabLabel = (tab: NavTab) => (tab.label === null ? (tab.kind === 'home' ? t('app.home') : tab.path) : nav.app ? fromServer(tab.label, language) : tab.label);
  const items: MenuProps['items'] = nav.tabs.map((tab) => ({
    key: tab.path,
    icon: <TabIcon tab={tab} />,
    // The menu cuts a long name short with an ellipsis; the whole name shows on hover.
    label: (
      <Link to={tab.path} title={tabLabel(tab)}>
        {tabLabel(tab)}
      </Link>
    ),
  }));
  const navLabel = nav.app ? fromServer(nav.app.label, language) : t('app.navigation');
  const menu = <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={() => setDrawerOpen(false)} style={{ borderInlineEnd: 0 }} />;

  function openApp(app: UserApp) {
    rememberApp(app.name);
    setRemembered(app.name);
    const first = navigation([app], [], app.name).tabs.find((tab) => tab.kind !== 'home');
    void navigate(first?.path ?? '/');
  }

  async function leave() {
    await signOut().catch(() => undefined);
    clearSessionExpired();
    queryClient.clear();
    await navigate('/sign-in', { replace: true });
  }

  const accountItems: MenuProps['items'] = [
    { key: 'who', label: t('user.signedInAs', { name: user?.full_name ?? user?.email ?? '' }), disabled: true },
    { type: 'divider' },
    { key: 'password', label: <Link to="/account/password">{t('user.changePassword')}</Link> },
    { key: 'recycleBin', label: <Link to="/recycle-bin">{t('user.recycleBin')}</Link> },
    ...(hasSetupRight(user) ? [{ key: 'setup', label: <Link to="/setup">{t('app.setup')}</Link> }] : []),
    { key: 'api', icon: <ApiOutlined />, label: <a href="/api/docs">{t('app.apiReference')}</a> },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('user.signOut'), onClick: () => void leave() },
  ];

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <Layout.Header className="shell-header">
        {!wide && <Button type="text" icon={<MenuOutlined />} aria-label={t('app.menu')} onClick={() => setDrawerOpen(true)} className="shell-header-button" />}
        <Link to="/" className="shell-brand" aria-label={t('app.name')}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span className="shell-brand-name">{t('app.name')}</span>
        </Link>
        {nav.app && (apps.data?.apps.length ?? 0) > 0 && <AppSwitcher apps={apps.data!.apps} current={nav.app} onPick={openApp} />}
        {wide && <SearchLauncher compact={false} onOpenApp={openApp} />}
        <div className="shell-header-end">
          <ApprovalsBadge />
          {!wide && <SearchLauncher compact onOpenApp={openApp} />}
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
            <nav aria-label={navLabel}>{menu}</nav>
          </Layout.Sider>
        )}
        {!wide && drawerOpen && (
          <Suspense fallback={null}>
            <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={280} title={navLabel}>
              <nav aria-label={navLabel}>{menu}</nav>
            </Drawer>
          </Suspense>
        )}
        <Layout.Content id="main" tabIndex={-1} className={wide ? 'shell-content' : 'shell-content with-bottom-nav'}>
          <Suspense fallback={<Spin className="page-spinner" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        {!wide && <BottomNav tabs={nav.tabs} selected={selected} label={tabLabel} onMore={() => setDrawerOpen(true)} />}
      </Layout>
    </Layout>
  );
}
