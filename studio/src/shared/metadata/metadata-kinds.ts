/**
 * The kinds of metadata as the engine's registry lists them (engine/metadata/kinds/index.ts), in
 * its order, each with where /api/v1/meta serves it. The studio is built apart from the engine, so
 * it keeps its own copy; tests/unit/metadata/kinds-registry.spec.ts holds the two equal.
 */
export const METADATA_KINDS = [
  { kind: 'object', path: 'objects' },
  { kind: 'layout', path: 'layouts' },
  { kind: 'currency', path: 'currencies' },
  { kind: 'role', path: 'roles' },
  { kind: 'group', path: 'groups' },
  { kind: 'permissionSet', path: 'permission-sets' },
  { kind: 'sharingRule', path: 'sharing-rules' },
  { kind: 'listView', path: 'list-views' },
  { kind: 'automationRule', path: 'automation-rules' },
  { kind: 'assignmentRule', path: 'assignment-rules' },
  { kind: 'approvalProcess', path: 'approval-processes' },
  { kind: 'app', path: 'apps' },
  { kind: 'printTemplate', path: 'print-templates' },
  { kind: 'report', path: 'reports' },
  { kind: 'dashboard', path: 'dashboards' },
  { kind: 'webhook', path: 'webhooks' },
] as const;

export type MetadataKind = (typeof METADATA_KINDS)[number]['kind'];

/** Where a kind's definitions live under /api/v1/meta: permission-sets; undefined for a name that is no kind. */
export function kindPath(kind: string): string | undefined {
  return METADATA_KINDS.find((entry) => entry.kind === kind)?.path;
}
