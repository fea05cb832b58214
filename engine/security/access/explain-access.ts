import { assertNever, ForbiddenError, NotFoundError } from '../../errors/index.js';
import { inSentence, msg, renderText, type LocalizedValue, type Text } from '../../i18n/message.js';
import type { Language } from '../../i18n/language.js';
import type { ApprovalMarks } from '../../approvals/approval-state.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { isEditingApprover, mayChangeLocked, recordLock } from '../../records/locked-record.js';
import type { StoredRecord } from '../../records/record.js';
import { recordNotFound, recordObject } from '../../records/record-object.js';
import { alive } from '../../records/record-state.js';
import { nameField } from '../../records/search/name-field.js';
import type { ManualShare } from '../../records/sharing/manual-share.js';
import { ADMIN_PERMISSION_SET, principalOf, type OperationContext } from '../../tenancy/index.js';
import { hasSystemRight } from '../object-access.js';
import { sharingClauses, withAccess, type AccessMode } from './record-access.js';
import { userAccess } from './user-access.js';

/** One reason a user reaches a record, as the access checks found it. */
export type AccessReason =
  | { readonly kind: 'owner' }
  | { readonly kind: 'roleHierarchy'; readonly role: string; readonly roleLabel: string; readonly ownerRole: string; readonly ownerRoleLabel: string }
  | { readonly kind: 'sharingRule'; readonly rule: string; readonly label: string; readonly access: 'read' | 'edit' }
  | { readonly kind: 'manualShare'; readonly to: string; readonly access: 'read' | 'edit'; readonly by: string; readonly byName: string | null }
  | { readonly kind: 'approver' }
  | { readonly kind: 'master'; readonly object: string; readonly id: string; readonly name: string | null; readonly reasons: readonly AccessReason[] }
  | { readonly kind: 'objectRight'; readonly right: 'viewAll' | 'modifyAll'; readonly permissionSet: string; readonly label: string }
  | { readonly kind: 'systemRight'; readonly right: 'viewAllData' | 'modifyAllData'; readonly permissionSet: string; readonly label: string }
  | { readonly kind: 'admin'; readonly permissionSet: string }
  | { readonly kind: 'orgWideDefault'; readonly sharing: 'publicRead' | 'publicReadWrite' };

export interface AccessVerdict {
  readonly allowed: boolean;
  readonly reasons: readonly AccessReason[];
  /** Why not, in the request's language; only when not allowed. */
  readonly why?: string;
}

export interface AccessExplanation {
  readonly user: { readonly id: string; readonly name: string | null; readonly active: boolean; readonly role: string | null; readonly roleLabel: string | null };
  readonly record: { readonly object: string; readonly id: string; readonly name: string | null; readonly owner: string | null };
  readonly read: AccessVerdict;
  readonly edit: AccessVerdict;
  /** The object's fields the user reads, edits, and may not see at all. */
  readonly fields: { readonly readable: readonly string[]; readonly editable: readonly string[]; readonly hidden: readonly string[] };
}

type Explained = StoredRecord & ApprovalMarks & { _shares?: ManualShare[] };

/**
 * Why a user can or cannot read and edit one record: each condition of the engine's own access
 * checks (record-access.ts's clauses, the rights of the permission sets, the org-wide default, the
 * master of a detail) tried on its own against the record and named. Administrators, users who
 * manage users or view all data ask about anyone; others about themselves only.
 */
export async function explainAccess(ctx: OperationContext, objectName: string, id: string, userId: string): Promise<AccessExplanation> {
  if (userId !== ctx.principal.userId && !hasSystemRight(ctx, 'manageUsers') && !hasSystemRight(ctx, 'viewAllData')) {
    throw new ForbiddenError(msg`Only users who manage users or view all data can ask why another user sees a record.`);
  }
  const object = recordObject(ctx, objectName);
  const users = ctx.snapshot.object('user')!;
  const user = await ctx.tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: userId }));
  if (!user) throw new NotFoundError(msg`There is no user with id '${userId}'.`);
  const record = await ctx.tenant.store.collection<Explained>(object.collection).findOne(alive({ _id: id }));
  if (!record) throw recordNotFound(object, id);

  const subject: OperationContext = { ...ctx, principal: principalOf(user) };
  const access = userAccess(ctx.snapshot, subject.principal);
  const userName = typeof user.full_name === 'string' ? user.full_name : null;
  const who = userName ?? userId;
  const read = await verdict(subject, object, record, 'read', who);
  const edit = read.allowed ? await editVerdict(subject, object, record, who) : { allowed: false, reasons: [], why: renderText(msg`${who} cannot edit a record they cannot read.`, ctx.language) };
  const fields = access.fields(object);
  const role = subject.principal.role;
  return {
    user: { id: userId, name: userName, active: user.active !== false, role, roleLabel: role ? roleLabel(ctx, role) : null },
    record: { object: object.name, id, name: recordName(object, record), owner: typeof record._owner === 'string' ? record._owner : null },
    read,
    edit,
    fields: { readable: [...fields.readable], editable: [...fields.editable], hidden: [...fields.hidden] },
  };
}

async function editVerdict(subject: OperationContext, object: CompiledObject, record: Explained, who: string): Promise<AccessVerdict> {
  const found = await verdict(subject, object, record, 'edit', who);
  const reasons = [...found.reasons];
  // The approval's own way in: sharing gives an approver only read, the edit path asks the process.
  if (await isEditingApprover(subject.tenant.store, subject, object, record)) reasons.push({ kind: 'approver' });
  if (reasons.length === 0) return found.why !== undefined ? found : { allowed: false, reasons, why: renderText(msg`${who} reads this ${inSentence(object.object.label)}, but nothing opens it to them to edit.`, subject.language) };
  const lock = recordLock(subject, object, record);
  if (lock && !(await mayChangeLocked(subject.tenant.store, subject, object, record, 'edit'))) return { allowed: false, reasons, why: renderText(lock.reason, subject.language) };
  return { allowed: true, reasons };
}

/** The reasons the user reaches the record in this mode, or why not. */
async function verdict(subject: OperationContext, object: CompiledObject, record: Explained, mode: 'read' | 'edit', who: string): Promise<AccessVerdict> {
  const plural = inSentence(object.object.pluralLabel);
  if (!userAccess(subject.snapshot, subject.principal).object(object.name)[mode]) {
    const text = mode === 'read' ? msg`No permission set of ${who} grants reading ${plural}.` : msg`No permission set of ${who} grants editing ${plural}.`;
    return { allowed: false, reasons: [], why: renderText(text, subject.language) };
  }
  const reasons = await reasonsFor(subject, object, record, mode);
  if (reasons.length > 0) return { allowed: true, reasons };
  const label = inSentence(object.object.label);
  const text: Text =
    mode === 'read'
      ? msg`${who} does not own this ${label}, holds no role above its owner's, and no sharing rule, manual share or approval opens it to them.`
      : msg`${who} does not own this ${label}, holds no role above its owner's, and no sharing rule or manual share opens it to them to edit.`;
  return { allowed: false, reasons, why: renderText(text, subject.language) };
}

/** Every ground on which the user reaches the record: the same ones, in the same order, as record-access.ts's reach. */
async function reasonsFor(subject: OperationContext, object: CompiledObject, record: Explained, mode: AccessMode): Promise<AccessReason[]> {
  const reasons: AccessReason[] = [...rightsThatOpenAll(subject, object, mode)];
  const sharing = object.object.sharing;
  if (sharing === 'controlledByParent') {
    const master = await masterReason(subject, object, record, mode);
    return master ? [...reasons, master] : reasons;
  }
  if (sharing === 'publicReadWrite' || (mode === 'read' && sharing === 'publicRead')) reasons.push({ kind: 'orgWideDefault', sharing });
  const records = subject.tenant.store.collection<Explained>(object.collection);
  for (const clause of await sharingClauses(subject, object, mode)) {
    if (!(await records.findOne(alive(withAccess({ _id: record._id }, clause.filter)), { projection: { _id: 1 } }))) continue;
    const ground = clause.ground;
    switch (ground.kind) {
      case 'owner':
      case 'approver':
        reasons.push({ kind: ground.kind });
        break;
      case 'hierarchy':
        reasons.push(await hierarchyReason(subject, record));
        break;
      case 'manualShare':
        reasons.push(...(await shareReasons(subject, record, mode)));
        break;
      case 'sharingRule':
        reasons.push({ kind: 'sharingRule', rule: ground.rule.name, label: labelIn(ground.rule.definition.label, ground.rule.name, subject.language), access: ground.rule.access });
        break;
      default:
        assertNever(ground);
    }
  }
  return reasons;
}

/** Modify all data, view all data and the object's view all and modify all, each with the permission set that grants it. */
function rightsThatOpenAll(subject: OperationContext, object: CompiledObject, mode: AccessMode): AccessReason[] {
  const reasons: AccessReason[] = [];
  const security = subject.snapshot.security;
  for (const name of subject.principal.permissionSets) {
    const set = security.permissionSets.get(name);
    if (!set) continue;
    const label = labelIn(set.label, name, subject.language);
    if (set.system.modifyAllData) reasons.push(name === ADMIN_PERMISSION_SET ? { kind: 'admin', permissionSet: name } : { kind: 'systemRight', right: 'modifyAllData', permissionSet: name, label });
    else if (mode === 'read' && set.system.viewAllData) reasons.push({ kind: 'systemRight', right: 'viewAllData', permissionSet: name, label });
    const rights = set.objects.get(object.name);
    if (rights?.modifyAll) reasons.push({ kind: 'objectRight', right: 'modifyAll', permissionSet: name, label });
    else if (mode === 'read' && rights?.viewAll) reasons.push({ kind: 'objectRight', right: 'viewAll', permissionSet: name, label });
  }
  return reasons;
}

/** A detail is reached through its master (read with it, edited with an edit of it): the master's own reasons. */
async function masterReason(subject: OperationContext, object: CompiledObject, record: Explained, mode: AccessMode): Promise<AccessReason | null> {
  const field = object.object.master!;
  const master = subject.snapshot.object(field.target);
  const masterId = record[field.name];
  if (!master || typeof masterId !== 'string') return null;
  const masterMode = mode === 'read' ? 'read' : 'edit';
  if (!userAccess(subject.snapshot, subject.principal).object(master.name)[masterMode]) return null;
  const masterRecord = await subject.tenant.store.collection<Explained>(master.collection).findOne(alive({ _id: masterId }));
  if (!masterRecord) return null;
  const reasons = await reasonsFor(subject, master, masterRecord, masterMode);
  return reasons.length === 0 ? null : { kind: 'master', object: master.name, id: masterId, name: recordName(master, masterRecord), reasons };
}

/** The user's role is above the role of the record's owner. */
async function hierarchyReason(subject: OperationContext, record: Explained): Promise<AccessReason> {
  const owner = await userRecord(subject, record._owner);
  const ownerRole = typeof owner?.role === 'string' ? owner.role : '';
  const role = subject.principal.role ?? '';
  return { kind: 'roleHierarchy', role, roleLabel: roleLabel(subject, role), ownerRole, ownerRoleLabel: roleLabel(subject, ownerRole) };
}

/** The manual shares on the record given to the user, one of their roles or groups, for this mode. */
async function shareReasons(subject: OperationContext, record: Explained, mode: AccessMode): Promise<AccessReason[]> {
  const keys = new Set(userAccess(subject.snapshot, subject.principal).granteeKeys);
  const shares = (record._shares ?? []).filter((share) => keys.has(share.to) && (mode === 'read' || share.access === 'edit'));
  return Promise.all(shares.map(async (share): Promise<AccessReason> => {
    const by = await userRecord(subject, share.by);
    return { kind: 'manualShare', to: share.to, access: share.access, by: share.by, byName: typeof by?.full_name === 'string' ? by.full_name : null };
  }));
}

async function userRecord(ctx: OperationContext, id: unknown): Promise<StoredRecord | null> {
  if (typeof id !== 'string') return null;
  const users = ctx.snapshot.object('user')!;
  return ctx.tenant.store.collection<StoredRecord>(users.collection).findOne({ _id: id }, { projection: { _id: 1, full_name: 1, role: 1 } });
}

function recordName(object: CompiledObject, record: StoredRecord): string | null {
  const field = nameField(object, new Set());
  const value = field ? record[field.name] : undefined;
  return typeof value === 'string' ? value : null;
}

function roleLabel(ctx: OperationContext, role: string): string {
  return labelIn(ctx.snapshot.security.roles.get(role)?.label, role, ctx.language);
}

function labelIn(label: LocalizedValue | undefined, fallback: string, language: Language): string {
  return label?.[language] ?? label?.en ?? fallback;
}
