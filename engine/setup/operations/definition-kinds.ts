import { ConflictError, ValidationError } from '../../errors/index.js';
import type { Collections } from '../../store/port.js';
import { checkPermissionSetGrant, checkReachGrant, checkSharingRuleGrant } from '../../security/metadata-grants.js';
import type { OperationContext } from '../../context/index.js';
import { ADMIN_PERMISSION_SET } from '../../context/principal.js';
import type { DefinitionOf } from '../../metadata/definition-validator.js';
import type { SystemRights } from '../../metadata/security/resolved-security.js';
import type { PermissionSetDefinition, SystemPermissions } from '../../schemas/generated/permission-set.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { appForUser, layoutForUser, listViewForUser, processForUser, type UserView } from './definitions-for-users.js';
import { countAssignedUsers, usersPhrase, type Assignment } from './assigned-users.js';
import { msg, type Message } from '../../i18n/message.js';

/** The kinds defined on their own and addressed by name, served by one generic CRUD. */
export type StandaloneKind = 'layout' | 'role' | 'group' | 'permissionSet' | 'sharingRule' | 'approvalProcess' | 'automationRule' | 'app' | 'listView';

/** How a name goes away: deleted, or replaced by a definition under another name. */
export type Removal = 'delete' | 'rename';

/** What the generic operations need to know of one kind: where the snapshot keeps it, and what guards it. */
export interface DefinitionKind<K extends StandaloneKind> {
  readonly kind: K;
  /** The name of a list of them, in responses: permissionSets. */
  readonly plural: string;
  find(snapshot: Snapshot, name: string): DefinitionOf[K] | undefined;
  list(snapshot: Snapshot): DefinitionOf[K][];
  /** The definitions of one object, for kinds that belong to an object. */
  ofObject?(snapshot: Snapshot, object: string): DefinitionOf[K][];
  /** Refuses, before anything is written, a change the platform cannot do without (throws); `next` null deletes. */
  protect?(name: string, next: DefinitionOf[K] | null): void;
  /**
   * Runs inside the unit of work before a name goes away: refuses while records still name it.
   * What other definitions name is the registry's to check (it compiles the whole snapshot).
   */
  release?(tx: Collections, before: Snapshot, name: string, removal: Removal): Promise<void>;
  /**
   * Refuses a definition that would give its users rights the writer does not hold (throws); runs
   * with the compiled snapshot after the change, before anything is written.
   */
  grants?(ctx: OperationContext, before: Snapshot, after: Snapshot, next: DefinitionOf[K]): void;
  /** Rights besides manage-metadata that read the whole definitions: managing users assigns roles, groups and permission sets. */
  readonly readRights?: readonly (keyof SystemRights)[];
  /**
   * What any other user may read of one definition (undefined: nothing, as if it did not exist).
   * Without it, the kind is setup only: 403 for them.
   */
  forUser?(definition: DefinitionOf[K], view: UserView): unknown;
}

export const DEFINITION_KINDS: { readonly [K in StandaloneKind]: DefinitionKind<K> } = {
  layout: {
    kind: 'layout',
    plural: 'layouts',
    find: (snapshot, name) => snapshot.layout(name)?.definition,
    list: (snapshot) => [...snapshot.layouts.values()].map((layout) => layout.definition),
    ofObject: (snapshot, object) => snapshot.layoutsOf(object).map((layout) => layout.definition),
    forUser: layoutForUser,
  },
  role: {
    kind: 'role',
    plural: 'roles',
    find: (snapshot, name) => snapshot.security.roles.get(name)?.definition,
    list: (snapshot) => [...snapshot.security.roles.values()].map((role) => role.definition),
    grants: (ctx, before) => checkReachGrant(ctx, before, 'role'),
    readRights: ['manageUsers'],
    release: (tx, before, name, removal) =>
      refuseWhileAssigned(tx, before, { role: name }, removal, {
        code: 'role_in_use',
        held: msg`Role '${name}' is held by`,
        reassign: msg`give them another role (or none)`,
      }),
  },
  group: {
    kind: 'group',
    plural: 'groups',
    find: (snapshot, name) => snapshot.security.groups.get(name)?.definition,
    list: (snapshot) => [...snapshot.security.groups.values()].map((group) => group.definition),
    grants: (ctx, before) => checkReachGrant(ctx, before, 'group'),
    readRights: ['manageUsers'],
  },
  permissionSet: {
    kind: 'permissionSet',
    plural: 'permissionSets',
    find: (snapshot, name) => snapshot.security.permissionSets.get(name)?.definition,
    list: (snapshot) => [...snapshot.security.permissionSets.values()].map((set) => set.definition),
    readRights: ['manageUsers'],
    protect: protectAdminSet,
    grants: (ctx, before, after, next) => checkPermissionSetGrant(ctx, before, after, next.name),
    release: (tx, before, name, removal) =>
      refuseWhileAssigned(tx, before, { permissionSet: name }, removal, {
        code: 'permission_set_in_use',
        held: msg`Permission set '${name}' is assigned to`,
        reassign: msg`remove it from their permission_sets`,
      }),
  },
  sharingRule: {
    kind: 'sharingRule',
    plural: 'sharingRules',
    find: (snapshot, name) => snapshot.security.sharingRules.get(name)?.definition,
    list: (snapshot) => [...snapshot.security.sharingRules.values()].map((rule) => rule.definition),
    ofObject: (snapshot, object) => snapshot.security.rulesOf(object).map((rule) => rule.definition),
    grants: (ctx, before, _after, next) => checkSharingRuleGrant(ctx, before, next.object, next.access),
  },
  approvalProcess: {
    kind: 'approvalProcess',
    plural: 'approvalProcesses',
    find: (snapshot, name) => snapshot.approvalProcesses.get(name)?.definition,
    list: (snapshot) => [...snapshot.approvalProcesses.values()].map((process) => process.definition),
    ofObject: (snapshot, object) => snapshot.processesOf(object).map((process) => process.definition),
    forUser: processForUser,
  },
  automationRule: {
    kind: 'automationRule',
    plural: 'automationRules',
    find: (snapshot, name) => snapshot.automationRules.get(name)?.definition,
    list: (snapshot) => [...snapshot.automationRules.values()].map((rule) => rule.definition),
    ofObject: (snapshot, object) => snapshot.rulesFor(object).map((rule) => rule.definition),
  },
  app: {
    kind: 'app',
    plural: 'apps',
    find: (snapshot, name) => snapshot.apps.get(name)?.definition,
    list: (snapshot) => [...snapshot.apps.values()].map((app) => app.definition),
    forUser: appForUser,
  },
  listView: {
    kind: 'listView',
    plural: 'listViews',
    find: (snapshot, name) => snapshot.listViews.get(name)?.definition,
    list: (snapshot) => [...snapshot.listViews.values()].map((view) => view.definition),
    ofObject: (snapshot, object) => snapshot.listViewsOf(object).map((view) => view.definition),
    forUser: listViewForUser,
  },
};

/** Users name roles and permission sets by API name: one still named cannot go away under them. */
async function refuseWhileAssigned(
  tx: Collections,
  before: Snapshot,
  assignment: Assignment,
  removal: Removal,
  words: { code: string; held: Message; reassign: Message },
): Promise<void> {
  const count = await countAssignedUsers(tx, before, assignment);
  if (count === 0) return;
  const users = usersPhrase(count);
  if (removal === 'delete') {
    throw new ConflictError(words.code, msg`${words.held} ${users}: ${words.reassign} first, then delete it.`);
  }
  throw new ConflictError(
    words.code,
    msg`${words.held} ${users}, who name it by its API name: change its label instead, or ${words.reassign} first.`,
    [{ path: '/name', message: msg`cannot change while ${users} name it` }],
  );
}

/** Every system right the admin permission set must keep, keyed by the schema's own type (modify all data implies editing locked records). */
const ADMIN_RIGHTS: Record<Exclude<keyof SystemPermissions, 'editLockedRecords'>, true> = { manageMetadata: true, manageUsers: true, viewAllData: true, modifyAllData: true, viewAuditLog: true };

/**
 * The admin permission set is what makes a user an administrator (the first admin holds it): the
 * platform cannot lose it, nor may it lose a right, or nobody could grant that right again.
 */
function protectAdminSet(name: string, next: PermissionSetDefinition | null): void {
  if (name !== ADMIN_PERMISSION_SET) return;
  const why = msg`it is what makes a user an administrator, and the platform needs it`;
  if (!next) throw new ConflictError('required_by_platform', msg`The permission set '${name}' cannot be deleted: ${why}. Change its label or description instead.`);
  if (next.name !== name) {
    throw new ConflictError('required_by_platform', msg`The permission set '${name}' cannot be renamed: ${why}. Change its label instead.`, [
      { path: '/name', message: msg`must stay '${name}'` },
    ]);
  }
  const dropped = (Object.keys(ADMIN_RIGHTS) as (keyof typeof ADMIN_RIGHTS)[]).filter((right) => next.system?.[right] !== true);
  if (dropped.length > 0) {
    throw new ValidationError(dropped.map((right) => ({ path: `/system/${right}`, message: msg`must stay true on the '${name}' permission set: ${why}` })));
  }
}
