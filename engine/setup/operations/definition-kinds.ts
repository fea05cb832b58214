import { ConflictError, ValidationError } from '../../errors/index.js';
import type { Collections } from '../../store/port.js';
import { checkPermissionSetGrant, checkReachGrant, checkSharingRuleGrant } from '../../security/metadata-grants.js';
import type { OperationContext } from '../../context/index.js';
import { ADMIN_PERMISSION_SET } from '../../context/principal.js';
import { STANDALONE_KINDS, standaloneKind, isMetadataKind, type DefinitionOf, type KindDescription, type StandaloneKind } from '../../metadata/kinds/index.js';
import type { PackDefinition } from '../../metadata/pack-kinds/index.js';
import type { PermissionSetDefinition, SystemPermissions } from '../../schemas/generated/permission-set.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { appForUser, dashboardForUser, layoutForUser, listViewForUser, printTemplateForUser, processForUser, reportForUser, type UserView } from './definitions-for-users.js';
import { countAssignedUsers, usersPhrase, type Assignment } from './assigned-users.js';
import { msg, type Message } from '../../i18n/message.js';
import { queueOwner } from '../../metadata/record-shape/queue-owner.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { refuseUnsafeUrl, sealSecretInput } from '../../webhooks/index.js';

/** The kinds defined on their own and addressed by name, served by one generic CRUD (those of the registry with an `api`). */
export type { StandaloneKind } from '../../metadata/kinds/index.js';

/** How a name goes away: deleted, or replaced by a definition under another name. */
export type Removal = 'delete' | 'rename';

/**
 * What setup adds to a kind of the registry (metadata/kinds/): the guards that need what sits
 * above metadata (the caller's rights, the users naming a definition, what another user may see).
 * A kind without guards needs nothing here.
 */
export interface KindGuards<K extends StandaloneKind> {
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
  /**
   * What any other user may read of one definition (undefined: nothing, as if it did not exist).
   * Without it, the kind is setup only: 403 for them.
   */
  forUser?(definition: DefinitionOf[K], view: UserView): unknown;
  /** Refuses what the schema cannot say and needs the tenant to know (throws a 400): a webhook's URL against the operator's allowlist. */
  check?(ctx: OperationContext, definition: DefinitionOf[K]): void;
  /**
   * Turns write-only values of a body as sent (before it is validated) into what is stored, from
   * the stored definition (null: a new one): a webhook's signing secret. Returns a value generated
   * for the writer to see once, if any.
   */
  writeOnly?(ctx: OperationContext, body: unknown, stored: DefinitionOf[K] | null): string | undefined;
}

/** What the generic operations need to know of one kind: its description in the registry, and setup's guards. */
export type DefinitionKind<K extends StandaloneKind> = KindDescription<K, DefinitionOf[K]> & KindGuards<K>;

const GUARDS: { readonly [K in StandaloneKind]?: KindGuards<K> } = {
  layout: { forUser: layoutForUser },
  role: {
    grants: (ctx, before) => checkReachGrant(ctx, before, 'role'),
    release: (tx, before, name, removal) =>
      refuseWhileAssigned(tx, before, { role: name }, removal, {
        code: 'role_in_use',
        held: msg`Role '${name}' is held by`,
        reassign: msg`give them another role (or none)`,
      }),
  },
  group: { grants: (ctx, before) => checkReachGrant(ctx, before, 'group'), release: refuseWhileQueueOwns },
  permissionSet: {
    protect: protectAdminSet,
    grants: (ctx, before, after, next) => checkPermissionSetGrant(ctx, before, after, next.name),
    release: (tx, before, name, removal) =>
      refuseWhileAssigned(tx, before, { permissionSet: name }, removal, {
        code: 'permission_set_in_use',
        held: msg`Permission set '${name}' is assigned to`,
        reassign: msg`remove it from their permission_sets`,
      }),
  },
  sharingRule: { grants: (ctx, before, _after, next) => checkSharingRuleGrant(ctx, before, next.object, next.access) },
  approvalProcess: { forUser: processForUser },
  app: { forUser: appForUser },
  listView: { forUser: listViewForUser },
  printTemplate: { forUser: printTemplateForUser },
  report: { forUser: reportForUser },
  dashboard: { forUser: dashboardForUser },
  webhook: { check: (ctx, definition) => refuseUnsafeUrl(definition, ctx.tenant.webhookAllowlist), writeOnly: (ctx, body, stored) => sealSecretInput(ctx.tenant, body, stored) },
};

function definitionKind<K extends StandaloneKind>(kind: K): DefinitionKind<K> {
  return { ...standaloneKind(kind), ...(GUARDS[kind] as KindGuards<K> | undefined) };
}

/** Each kind of the generic CRUD: its description in the registry, with setup's guards. */
export const DEFINITION_KINDS = Object.fromEntries(STANDALONE_KINDS.map((kind) => [kind, definitionKind(kind)])) as unknown as { readonly [K in StandaloneKind]: DefinitionKind<K> };

/** A kind the generic CRUD serves in a tenant: one of the platform's, or one its packs add. */
export type CrudKind = StandaloneKind | (string & {});

/** The definitions of such a kind: generated from its schema, or as a pack's schema says. */
export type DefinitionFor<K extends CrudKind> = K extends StandaloneKind ? DefinitionOf[K] : PackDefinition;

interface Named {
  readonly name: string;
}

/** What the generic operations read of any kind they serve, whatever its definitions' type. */
export type ServedKind = KindDescription<string, Named> & {
  protect?(name: string, next: Named | null): void;
  release?(tx: Collections, before: Snapshot, name: string, removal: Removal): Promise<void>;
  grants?(ctx: OperationContext, before: Snapshot, after: Snapshot, next: Named): void;
  forUser?(definition: Named, view: UserView): unknown;
  check?(ctx: OperationContext, definition: Named): void;
  writeOnly?(ctx: OperationContext, body: unknown, stored: Named | null): string | undefined;
};

/**
 * A kind the generic CRUD serves in the tenant whose snapshot this is: the platform's with its
 * guards, or one of its packs' (which need none: a pack's checks are the kind's own); undefined
 * for any other name.
 */
export function servedKind(snapshot: Snapshot, kind: string): ServedKind | undefined {
  if (isMetadataKind(kind)) return (DEFINITION_KINDS as Readonly<Record<string, ServedKind | undefined>>)[kind];
  return snapshot.packKinds.kind(kind);
}

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

/** A group whose queue owns records cannot go away under them: they would be left to no one. */
async function refuseWhileQueueOwns(tx: Collections, before: Snapshot, name: string, removal: Removal): Promise<void> {
  for (const object of before.objects.values()) {
    const owned = await tx.collection(object.collection).count(alive({ _owner: queueOwner(name) }));
    if (owned === 0) continue;
    const what = msg`The queue of group '${name}' owns ${owned} ${object.object.pluralLabel}`;
    if (removal === 'delete') throw new ConflictError('group_in_use', msg`${what}: give them to users or another queue first, then delete it.`);
    throw new ConflictError('group_in_use', msg`${what}, which name it by its API name: change its label instead, or give them to users or another queue first.`, [
      { path: '/name', message: msg`cannot change while its queue owns records` },
    ]);
  }
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
