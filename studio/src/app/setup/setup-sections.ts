import type { SystemRights } from '../../shared/api/session';

/** The system rights that open a part of the setup area. */
export type SetupRight = 'manageMetadata' | 'manageUsers' | 'viewAuditLog';

/** The headings the setup navigation groups its sections under, in this order. */
export const SETUP_GROUPS = ['model', 'automation', 'security', 'operations'] as const;
export type SetupGroup = (typeof SETUP_GROUPS)[number];

/** One entry of the setup navigation: a page under /setup/<path>, shown to users with its right. */
export interface SetupSection {
  readonly key: string;
  readonly group: SetupGroup;
  /** Relative to /setup; also the path of its route in setup-routes.tsx. */
  readonly path: string;
  /** The i18n key of its label. */
  readonly label: string;
  readonly right: SetupRight;
}

/**
 * Every section of the setup area. A section shows once its route exists (setup-routes.tsx), so
 * the security pages appear when they are built, without touching the navigation.
 */
export const SETUP_SECTIONS: readonly SetupSection[] = [
  { key: 'objects', group: 'model', path: 'objects', label: 'setup.nav.objects', right: 'manageMetadata' },
  { key: 'layouts', group: 'model', path: 'layouts', label: 'setup.nav.layouts', right: 'manageMetadata' },
  { key: 'listViews', group: 'model', path: 'list-views', label: 'setup.nav.listViews', right: 'manageMetadata' },
  { key: 'apps', group: 'model', path: 'apps', label: 'setup.nav.apps', right: 'manageMetadata' },
  { key: 'printTemplates', group: 'model', path: 'print-templates', label: 'setup.printTemplates.nav', right: 'manageMetadata' },
  { key: 'reports', group: 'model', path: 'reports', label: 'setup.reports.nav', right: 'manageMetadata' },
  { key: 'dashboards', group: 'model', path: 'dashboards', label: 'setup.dashboards.nav', right: 'manageMetadata' },
  { key: 'packs', group: 'model', path: 'packs', label: 'setup.packs.nav', right: 'manageMetadata' },
  { key: 'automation', group: 'automation', path: 'automation', label: 'setup.automation.nav', right: 'manageMetadata' },
  { key: 'assignmentRules', group: 'automation', path: 'assignment-rules', label: 'setup.assignment.nav', right: 'manageMetadata' },
  { key: 'webhooks', group: 'automation', path: 'webhooks', label: 'setup.webhooks.nav', right: 'manageMetadata' },
  { key: 'users', group: 'security', path: 'users', label: 'setup.nav.users', right: 'manageUsers' },
  { key: 'roles', group: 'security', path: 'roles', label: 'setup.nav.roles', right: 'manageUsers' },
  { key: 'groups', group: 'security', path: 'groups', label: 'setup.nav.groups', right: 'manageUsers' },
  { key: 'permissionSets', group: 'security', path: 'permission-sets', label: 'setup.nav.permissionSets', right: 'manageUsers' },
  { key: 'sharingRules', group: 'security', path: 'sharing-rules', label: 'setup.nav.sharingRules', right: 'manageMetadata' },
  { key: 'approvalProcesses', group: 'automation', path: 'approval-processes', label: 'setup.nav.approvalProcesses', right: 'manageMetadata' },
  { key: 'explainAccess', group: 'security', path: 'explain-access', label: 'setup.nav.explainAccess', right: 'manageUsers' },
  { key: 'jobs', group: 'operations', path: 'jobs', label: 'setup.jobs.nav', right: 'viewAuditLog' },
  { key: 'audit', group: 'operations', path: 'audit', label: 'setup.audit.nav', right: 'viewAuditLog' },
  { key: 'history', group: 'operations', path: 'history', label: 'setup.history.nav', right: 'manageMetadata' },
];

/** The sections this user may open and that have a page, by group (groups without any are left out). */
export function visibleSections(
  sections: readonly SetupSection[],
  rights: SystemRights | undefined,
  routed: ReadonlySet<string>,
): { group: SetupGroup; sections: SetupSection[] }[] {
  const open = sections.filter((section) => rights?.[section.right] === true && routed.has(section.path));
  return SETUP_GROUPS.map((group) => ({ group, sections: open.filter((section) => section.group === group) })).filter((entry) => entry.sections.length > 0);
}

/** The section an address under /setup belongs to (its first segment), if any. */
export function currentSection(sections: readonly SetupSection[], pathname: string): SetupSection | undefined {
  const segment = pathname.replace(/^\/setup\/?/, '').split('/')[0] ?? '';
  return sections.find((section) => section.path === segment);
}
