import { ForbiddenError } from '../../errors/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { GranteeKey, ResolvedSharingRule } from '../../metadata/security/resolved-security.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import type { Filter } from '../../store/port.js';
import type { OperationContext } from '../../context/operation-context.js';
import { userAccess } from './user-access.js';
import { userDirectory, type UserDirectory } from './user-directory.js';
import { inSentence, msg, type Message } from '../../i18n/message.js';
import { masterFilter } from './master-filter.js';
import { queueOwner } from '../../metadata/record-shape/queue-owner.js';

/** What a user does to records: read them, edit them, or delete them (which sharing never grants). */
export type AccessMode = 'read' | 'edit' | 'delete';

/**
 * The records a user may reach: `true` for all of them, else a store filter that every query of
 * the operation includes, so that pages and counts are right. (Payload's `boolean | Where`.)
 */
export type RecordAccess = true | Filter;

/** Matches no record. */
const NOTHING: Filter = { _id: { $in: [] } };

const VERBS: Record<AccessMode | 'create', Message> = { read: msg`read`, edit: msg`edit`, delete: msg`delete`, create: msg`create` };

/** The object permission an operation needs (403 when no permission set grants it). */
export function checkObjectRight(ctx: OperationContext, object: CompiledObject, right: AccessMode | 'create'): void {
  if (ctx.principal.system) return;
  const rights = userAccess(ctx.snapshot, ctx.principal).object(object.name);
  if (!rights[right === 'edit' ? 'edit' : right]) {
    throw new ForbiddenError(msg`You may not ${VERBS[right]} ${inSentence(object.object.pluralLabel)}: none of your permission sets grants it. Ask an administrator.`);
  }
}

/** The object permission, then the records of the object the user may reach in this mode. */
export async function recordAccess(ctx: OperationContext, object: CompiledObject, mode: AccessMode): Promise<RecordAccess> {
  checkObjectRight(ctx, object, mode);
  return reach(ctx, object, mode);
}

/**
 * The records whose sharing and ownership the user controls: their own and, through the role
 * hierarchy, those of the users below them; all of them with modify all. Needs the read permission.
 */
export async function ownershipAccess(ctx: OperationContext, object: CompiledObject): Promise<RecordAccess> {
  checkObjectRight(ctx, object, 'read');
  return reach(ctx, object, 'delete');
}

/**
 * A store filter narrowed to what the access allows. The two stay side by side at the top level
 * where their keys differ, so that the store still sees an `_id` or an indexed field and looks it
 * up instead of scanning; only a clash of keys nests them under `$and`.
 */
export function withAccess(filter: Filter, access: RecordAccess): Filter {
  if (access === true) return filter;
  const clash = Object.keys(access).some((key) => key in filter);
  return clash ? { $and: [filter, access] } : { ...filter, ...access };
}

async function reach(ctx: OperationContext, object: CompiledObject, mode: AccessMode): Promise<RecordAccess> {
  if (ctx.principal.system) return true;
  const access = userAccess(ctx.snapshot, ctx.principal);
  const rights = access.object(object.name);
  if (rights.modifyAll || (mode === 'read' && rights.viewAll)) return true;
  const sharing = object.object.sharing;
  if (sharing === 'controlledByParent') return masterReach(ctx, object, mode);
  if (mode === 'edit' && sharing === 'publicReadWrite') return true;
  if (mode === 'read' && (sharing === 'publicReadWrite' || sharing === 'publicRead')) return true;

  const clauses = await sharingClauses(ctx, object, mode);
  const owners = (kind: AccessGround['kind']) => (clauses.find((clause) => clause.ground.kind === kind)?.filter._owner as { $in: string[] } | undefined)?.$in ?? [];
  const others = [...owners('hierarchy'), ...owners('queue')];
  // The owner, the hierarchy and the queues stay one `_owner` condition, which the store looks up in its index.
  const mine: Filter = others.length > 0 ? { _owner: { $in: [access.principal.userId, ...others] } } : clauses.find((clause) => clause.ground.kind === 'owner')!.filter;
  const rest = clauses.filter((clause) => !OWNER_GROUNDS.has(clause.ground.kind)).map((clause) => clause.filter);
  return rest.length === 0 ? mine : { $or: [mine, ...rest] };
}

/** The grounds that are conditions on `_owner`, merged into one. */
const OWNER_GROUNDS: ReadonlySet<AccessGround['kind']> = new Set(['owner', 'hierarchy', 'queue']);

/** Why one condition of a user's access to an object's records holds; records/sharing/explain-access.ts says it to people. */
export type AccessGround =
  | { readonly kind: 'owner' }
  | { readonly kind: 'hierarchy' }
  /** The record is owned by a queue (a group) the user is a member of. */
  | { readonly kind: 'queue' }
  | { readonly kind: 'manualShare' }
  | { readonly kind: 'approver' }
  | { readonly kind: 'sharingRule'; readonly rule: ResolvedSharingRule };

/** One condition on the records a user reaches, with its ground: a record is reached when any holds. */
export interface AccessClause {
  readonly ground: AccessGround;
  readonly filter: Filter;
}

/**
 * The record-by-record conditions of a user's reach on an object that neither rights nor the
 * org-wide default open wholly: the one list the access checks combine and the access
 * explanation tries one by one. The owner's condition comes first.
 */
export async function sharingClauses(ctx: OperationContext, object: CompiledObject, mode: AccessMode): Promise<AccessClause[]> {
  const access = userAccess(ctx.snapshot, ctx.principal);
  const directory = await userDirectory(ctx.tenant);
  const me = access.principal.userId;
  const clauses: AccessClause[] = [{ ground: { kind: 'owner' }, filter: { _owner: me } }];
  // The records of the users in the roles below the user's, through the role hierarchy.
  const below = object.object.grantAccessUsingHierarchy ? access.rolesBelow.flatMap((role) => directory.usersInRole(role)) : [];
  if (below.length > 0) clauses.push({ ground: { kind: 'hierarchy' }, filter: { _owner: { $in: below } } });
  // Deleting stays with the owner and the roles above the owner, whatever is shared.
  if (mode === 'delete') return clauses;
  const keys = access.granteeKeys;
  // The records owned by the queues the user is a member of: they read them, work on them, and may take them.
  const queues = keys.filter((key) => key.startsWith('g:')).map((key) => queueOwner(key.slice(2)));
  if (queues.length > 0) clauses.push({ ground: { kind: 'queue' }, filter: { _owner: { $in: queues } } });
  clauses.push({ ground: { kind: 'manualShare' }, filter: { [mode === 'read' ? '_readers' : '_editors']: { $in: [...keys] } } });
  // Whoever is asked to approve a record may read it while it waits for them.
  if (mode === 'read') clauses.push({ ground: { kind: 'approver' }, filter: { _approvers: me } });
  for (const rule of ctx.snapshot.security.rulesOf(object.name)) {
    if (mode === 'edit' && rule.access !== 'edit') continue;
    if (!keys.includes(rule.sharedWith)) continue;
    clauses.push({ ground: { kind: 'sharingRule', rule }, filter: rule.criteria ?? { _owner: { $in: usersOf(ctx, rule.ownedBy!, directory) } } });
  }
  return clauses;
}

/** The users a grantee key stands for, for sharing rules by owner. */
function usersOf(ctx: OperationContext, key: GranteeKey, directory: UserDirectory): string[] {
  const [kind, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const security = ctx.snapshot.security;
  if (kind === 'r') return [...directory.usersInRole(name)];
  if (kind === 'rs') {
    const role = security.roles.get(name);
    return role ? [name, ...role.below].flatMap((member) => directory.usersInRole(member)) : [];
  }
  if (kind === 'g') {
    const group = security.groups.get(name);
    return group ? [...group.users, ...[...group.roles].flatMap((role) => directory.usersInRole(role))] : [];
  }
  return kind === 'u' ? [name] : [];
}

/**
 * A detail record is reached through its master: read with the master, edited and deleted with
 * an edit of the master. Without the master object's permission, no detail is reachable; with
 * every master reachable (view all, public sharing), no filter at all.
 */
async function masterReach(ctx: OperationContext, object: CompiledObject, mode: AccessMode): Promise<RecordAccess> {
  const field = object.object.master!;
  const master = ctx.snapshot.object(field.target);
  if (!master) return NOTHING;
  const masterMode: AccessMode = mode === 'read' ? 'read' : 'edit';
  if (!userAccess(ctx.snapshot, ctx.principal).object(master.name)[masterMode]) return NOTHING;
  const access = await reach(ctx, master, masterMode);
  if (access === true) return true;
  return masterFilter(ctx.tenant.store.collection(master.collection), field.name, alive(withAccess({}, access)));
}
