import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ObjectListPage = lazy(() => import('./objects/object-list-page').then((module) => ({ default: module.ObjectListPage })));
const ObjectEditorPage = lazy(() => import('./objects/object-editor-page').then((module) => ({ default: module.ObjectEditorPage })));
const LayoutListPage = lazy(() => import('./layouts/layout-list-page').then((module) => ({ default: module.LayoutListPage })));
const LayoutEditorPage = lazy(() => import('./layouts/layout-editor-page').then((module) => ({ default: module.LayoutEditorPage })));
const ListViewListPage = lazy(() => import('./list-views/list-view-list-page').then((module) => ({ default: module.ListViewListPage })));
const AppListPage = lazy(() => import('./apps/app-list-page').then((module) => ({ default: module.AppListPage })));
const UserListPage = lazy(() => import('./users/user-list-page').then((module) => ({ default: module.UserListPage })));
const RolePage = lazy(() => import('./roles/role-page').then((module) => ({ default: module.RolePage })));
const GroupListPage = lazy(() => import('./groups/group-list-page').then((module) => ({ default: module.GroupListPage })));
const PermissionSetListPage = lazy(() => import('./permission-sets/permission-set-list-page').then((module) => ({ default: module.PermissionSetListPage })));
const PermissionSetPage = lazy(() => import('./permission-sets/permission-set-page').then((module) => ({ default: module.PermissionSetPage })));
const SharingRuleListPage = lazy(() => import('./sharing-rules/sharing-rule-list-page').then((module) => ({ default: module.SharingRuleListPage })));
const JobsPage = lazy(() => import('./jobs/jobs-page').then((module) => ({ default: module.JobsPage })));
const AutomationRuleListPage = lazy(() => import('./automation/automation-rule-list-page').then((module) => ({ default: module.AutomationRuleListPage })));
const AutomationRulePage = lazy(() => import('./automation/automation-rule-page').then((module) => ({ default: module.AutomationRulePage })));
const AssignmentRuleListPage = lazy(() => import('./assignment/assignment-rule-list-page').then((module) => ({ default: module.AssignmentRuleListPage })));
const AssignmentRulePage = lazy(() => import('./assignment/assignment-rule-page').then((module) => ({ default: module.AssignmentRulePage })));
const AuditLogPage = lazy(() => import('./audit/audit-log-page').then((module) => ({ default: module.AuditLogPage })));
const HistoryPage = lazy(() => import('./history/history-page').then((module) => ({ default: module.HistoryPage })));
const DefinitionHistoryPage = lazy(() => import('./history/definition-history-page').then((module) => ({ default: module.DefinitionHistoryPage })));
const ApprovalProcessListPage = lazy(() => import('./approval-processes/approval-process-list-page').then((module) => ({ default: module.ApprovalProcessListPage })));
const ApprovalProcessPage = lazy(() => import('./approval-processes/approval-process-page').then((module) => ({ default: module.ApprovalProcessPage })));
const PacksPage = lazy(() => import('./packs/packs-page').then((module) => ({ default: module.PacksPage })));
const PrintTemplateListPage = lazy(() => import('./print-templates/print-template-list-page').then((module) => ({ default: module.PrintTemplateListPage })));
const PrintTemplatePage = lazy(() => import('./print-templates/print-template-page').then((module) => ({ default: module.PrintTemplatePage })));
const ReportListPage = lazy(() => import('./reports/report-list-page').then((module) => ({ default: module.ReportListPage })));
const DashboardListPage = lazy(() => import('./dashboards/dashboard-list-page').then((module) => ({ default: module.DashboardListPage })));
const WebhookListPage = lazy(() => import('./webhooks/webhook-list-page').then((module) => ({ default: module.WebhookListPage })));
const WebhookPage = lazy(() => import('./webhooks/webhook-page').then((module) => ({ default: module.WebhookPage })));
const ExplainAccessPage = lazy(() => import('./explain-access/explain-access-page').then((module) => ({ default: module.ExplainAccessPage })));

/**
 * The pages of the setup area, relative to /setup, each a chunk of its own loaded when opened. They
 * live here, inside the setup layout's chunk, so the first load holds one lazy route for all of
 * setup. A page added here appears in the setup navigation (setup-sections.ts) by its path.
 */
export const setupRoutes: RouteObject[] = [
  { path: 'objects', element: <ObjectListPage /> },
  { path: 'objects/new', element: <ObjectEditorPage /> },
  { path: 'objects/:name', element: <ObjectEditorPage /> },
  { path: 'layouts', element: <LayoutListPage /> },
  { path: 'layouts/:name', element: <LayoutEditorPage /> },
  { path: 'list-views', element: <ListViewListPage /> },
  { path: 'list-views/:name', element: <ListViewListPage /> },
  { path: 'apps', element: <AppListPage /> },
  { path: 'apps/:name', element: <AppListPage /> },
  { path: 'print-templates', element: <PrintTemplateListPage /> },
  { path: 'print-templates/:name', element: <PrintTemplatePage /> },
  { path: 'reports', element: <ReportListPage /> },
  { path: 'reports/:name', element: <ReportListPage /> },
  { path: 'dashboards', element: <DashboardListPage /> },
  { path: 'dashboards/:name', element: <DashboardListPage /> },
  { path: 'packs', element: <PacksPage /> },
  { path: 'users', element: <UserListPage /> },
  { path: 'users/:id', element: <UserListPage /> },
  { path: 'roles', element: <RolePage /> },
  { path: 'groups', element: <GroupListPage /> },
  { path: 'groups/:name', element: <GroupListPage /> },
  { path: 'permission-sets', element: <PermissionSetListPage /> },
  { path: 'permission-sets/:name', element: <PermissionSetPage /> },
  { path: 'sharing-rules', element: <SharingRuleListPage /> },
  { path: 'sharing-rules/:name', element: <SharingRuleListPage /> },
  { path: 'explain-access', element: <ExplainAccessPage /> },
  { path: 'jobs', element: <JobsPage /> },
  { path: 'automation', element: <AutomationRuleListPage /> },
  { path: 'automation/:name', element: <AutomationRulePage /> },
  { path: 'assignment-rules', element: <AssignmentRuleListPage /> },
  { path: 'assignment-rules/:name', element: <AssignmentRulePage /> },
  { path: 'webhooks', element: <WebhookListPage /> },
  { path: 'webhooks/:name', element: <WebhookPage /> },
  { path: 'audit', element: <AuditLogPage /> },
  { path: 'history', element: <HistoryPage /> },
  { path: 'history/:kind/:name', element: <DefinitionHistoryPage /> },
  { path: 'approval-processes', element: <ApprovalProcessListPage /> },
  { path: 'approval-processes/:name', element: <ApprovalProcessPage /> },
];

/** The paths that have a page, for the navigation. */
export const routedSetupPaths: ReadonlySet<string> = new Set(setupRoutes.flatMap((route) => (route.path ? [route.path.split('/')[0]!] : [])));
