import type { StandaloneKind } from '../../setup/operations/index.js';

/** How the API documents each kind defined on its own by name; its routes are generated from this. */
export interface StandaloneDocs {
  /** Operation ids: meta.listPermissionSets, meta.createPermissionSet ... */
  one: string;
  many: string;
  /** What the 200 of the list holds. */
  listed: string;
  /** The `?object=` parameter, for kinds that belong to an object. */
  byObject?: string;
  create: string;
  replace: string;
  /** When a delete is refused with 409; none: it never is. */
  deleteRefused?: string;
}

export const STANDALONE: Record<StandaloneKind, StandaloneDocs> = {
  layout: {
    one: 'Layout',
    many: 'Layouts',
    listed: 'The layouts; of one object, its default first, then by name.',
    byObject: 'Only the layouts of this object (none for an object that has none or does not exist).',
    create:
      'The layout names fields of its object once each, and related lists of children pointing at the object (400 otherwise); ' +
      'an object has at most one `isDefault` layout. 409 `already_exists` when the name is taken.',
    replace: 'The body is the whole new layout; a different name renames it (409 when another layout has that name).',
  },
  role: {
    one: 'Role',
    many: 'Roles',
    listed: 'Every role of the hierarchy.',
    create:
      '`reportsTo` names the role directly above (400 when there is none of that name, or when following `reportsTo` up ' +
      'comes back round, the circle named). 409 `already_exists` when the name is taken.',
    replace:
      'The body is the whole new role. A different name renames it: refused with 409 `role_in_use` while users hold it, ' +
      'and 409 `metadata_in_use` while roles report to it or groups and sharing rules name it.',
    deleteRefused: 'Refused with 409 `role_in_use` while users hold the role (the count is named), and 409 `metadata_in_use` while roles report to it or groups and sharing rules name it.',
  },
  group: {
    one: 'Group',
    many: 'Groups',
    listed: 'Every public group.',
    create: 'Its roles must exist (400 with the path of each unknown one). 409 `already_exists` when the name is taken.',
    replace: 'The body is the whole new group; a different name renames it, refused with 409 `metadata_in_use` while sharing rules name it.',
    deleteRefused: 'Refused with 409 `metadata_in_use` while sharing rules name the group.',
  },
  permissionSet: {
    one: 'PermissionSet',
    many: 'PermissionSets',
    listed: 'Every permission set, `admin` and `standard_user` among them.',
    create: 'Every object and field it names must exist (400 with the path of each unknown one). 409 `already_exists` when the name is taken.',
    replace:
      'The body is the whole new permission set. A different name renames it: refused with 409 `permission_set_in_use` while users list it. ' +
      'The `admin` set keeps its name (409 `required_by_platform`) and every system right (400).',
    deleteRefused: 'Refused with 409 `permission_set_in_use` while users list it in their `permission_sets` (the count is named); `admin` never goes (409 `required_by_platform`).',
  },
  sharingRule: {
    one: 'SharingRule',
    many: 'SharingRules',
    listed: 'The sharing rules; of one object if asked.',
    byObject: 'Only the sharing rules of this object.',
    create:
      'The object must own its records\' access: not the detail of a master-detail, not public read/write (400). `criteria` is a filter of the ' +
      'object in the API\'s filter language (400 with paths under /criteria), never empty (`{}` or `{"and": [{}]}` is refused: write `"all"` to share every record); the roles and groups named must exist. 409 `already_exists` when the name is taken.',
    replace: 'The body is the whole new rule; a different name renames it (409 when another rule has that name).',
  },
  approvalProcess: {
    one: 'ApprovalProcess',
    many: 'ApprovalProcesses',
    listed: 'The approval processes; of one object if asked.',
    byObject: 'Only the approval processes of this object.',
    create:
      'Checked when saved: every expression and template must compile, every field, role and group named must exist, every step must be reachable ' +
      '(400 naming each problem with its path). 409 `already_exists` when the name is taken.',
    replace: 'The body is the whole new process. Records already in process finish on the version they were submitted under.',
  },
  automationRule: {
    one: 'AutomationRule',
    many: 'AutomationRules',
    listed: 'The automation rules; of one object if asked.',
    byObject: 'Only the automation rules of this object.',
    create: 'Checked when saved: the condition, every expression and template must compile, every field named must exist (400 naming each problem). 409 `already_exists` when the name is taken.',
    replace: 'The body is the whole new rule; it applies from the next write.',
  },
  app: {
    one: 'App',
    many: 'Apps',
    listed:
      'The apps of the web app\'s navigation. Users who may not manage metadata get the apps shown to one of their permission sets (or to everyone), ' +
      'with the tabs of objects they may read, without `permissionSets` and `description`; GET /api/v1/ui/apps gives the same in their language.',
    create:
      'Every object a tab names must exist and be a tab once (400 with the path under /tabs); the permission sets named must exist (400 under /permissionSets). ' +
      '409 `already_exists` when the name is taken.',
    replace: 'The body is the whole new app; a different name renames it (409 when another app has that name).',
  },
  listView: {
    one: 'ListView',
    many: 'ListViews',
    listed:
      'The shared list views; of one object if asked. Users who may not manage metadata get the views shown to one of their permission sets (or to everyone) ' +
      'without the columns they may not read; a view whose filter, sort or kanban field needs a field hidden from them is left out. Personal views are at /api/v1/ui/views.',
    byObject: 'Only the list views of this object.',
    create:
      'Checked against the object as the list API would take it: the columns are its fields, `filter` compiles in the filter language (400 with paths under /filter ' +
      'for an unknown field, an operator the field\'s type does not allow or a wrong operand), `sort` names sortable fields, `kanbanField` is a picklist; the permission sets ' +
      'named must exist. 409 `already_exists` when the name is taken.',
    replace: 'The body is the whole new view; a different name renames it (409 when another view has that name).',
  },
};
