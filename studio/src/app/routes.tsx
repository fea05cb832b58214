import type { RouteObject } from 'react-router';
import { loadPageMessages } from '../shared/i18n/i18n';
import { AppShell } from '../shared/shell/app-shell';
import { RequireSession } from '../shared/shell/require-session';
import { HomePage } from './home/home-page';
import { SignInPage } from './sign-in/sign-in-page';

/**
 * The end user's routes. Sign-in, the shell and home are in the first bundle; every other page is
 * its own chunk, loaded when first opened (the bundle budget counts only the first).
 */
export const appRoutes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        lazy: () => Promise.all([import('../shared/shell/feedback-layout'), loadPageMessages()]).then(([module]) => ({ Component: module.FeedbackLayout })),
        children: [
          {
            path: 'o/:object',
            // The loader (a small chunk) starts the page's requests while the page's code loads.
            lazy: { loader: () => import('./list/list-loader').then((module) => module.listLoader), Component: () => import('./list/list-page').then((module) => module.ListPage) },
            // The list changes its address as the user sorts and filters, and asks for what that needs itself.
            shouldRevalidate: ({ currentParams, nextParams }) => currentParams.object !== nextParams.object,
          },
          { path: 'o/:object/new', lazy: () => import('./record/new-record-page').then((module) => ({ Component: module.NewRecordPage })) },
          { path: 'o/:object/import', lazy: () => import('./import/import-page').then((module) => ({ Component: module.ImportPage })) },
          {
            path: 'o/:object/:id',
            lazy: { loader: () => import('./record/record-loader').then((module) => module.recordLoader), Component: () => import('./record/record-page').then((module) => module.RecordPage) },
            shouldRevalidate: ({ currentParams, nextParams }) => currentParams.object !== nextParams.object || currentParams.id !== nextParams.id,
          },
          { path: 'dashboards/:name?', lazy: () => import('./dashboards/dashboard-page').then((module) => ({ Component: module.DashboardPage })) },
          { path: 'approvals', lazy: () => import('./approvals/inbox-page').then((module) => ({ Component: module.InboxPage })) },
          { path: 'recycle-bin', lazy: () => import('./account/user-pages').then((module) => ({ Component: module.RecycleBinPage })) },
          { path: 'account/password', lazy: () => import('./account/user-pages').then((module) => ({ Component: module.ChangePasswordPage })) },
          // The setup area: its layout, its own routes (setup-routes.tsx) and pages load only when opened.
          { path: 'setup/*', lazy: () => import('./setup/setup-layout').then((module) => ({ Component: module.SetupLayout })) },
        ],
      },
      // Lazy like every page: an unknown address is rare, and the first load has a budget.
      { path: '*', lazy: () => import('./not-found-page').then((module) => ({ Component: module.NotFoundPage })) },
    ],
  },
];
