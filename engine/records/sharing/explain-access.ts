import { assertNever, ForbiddenError, NotFoundError } from '../../errors/index.js';
import { inSentence, msg, renderText, type LocalizedValue, type Text } from '../../i18n/message.js';
import { localize, type Language } from '../../i18n/language.js';
import type { ApprovalMarks } from '../../metadata/approval-processes/approval-state.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { isEditingApprover, mayChangeLocked, recordLock } from '../locked-record.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { recordNotFound, recordObject } from '../record-object.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { queueOf } from '../../metadata/record-shape/queue-owner.js';
import type { ManualShare } from './manual-share.js';
import { ADMIN_PERMISSION_SET, principalOf, type OperationContext } from '../../context/index.js';
import { hasSystemRight } from '../../security/object-access.js';
import { accessDisclosure, type AccessDisclosure } from './access-disclosure.js';
import { recordAccess, sharingClauses, withAccess, type AccessMode } from '../../security/access/record-access.js';
import { userAccess } from '../../security/access/user-access.js';

/** One reason a user reaches a record, as the access checks found it. */
export type AccessReason =
  | { readonly kind: 'owner' }
  | { readonly kind: 'roleHierarchy'; readonly role: string; readonly roleLabel: string; readonly ownerRole: string | null; readonly ownerRoleLabel: string | null }
  /** `rule` and `label` are null for a user asking about themselves who may not read sharing rules. */
  | { readonly kind: 'sharingRule'; readonly rule: string | null; readonly label: string | null; readonly access: 'read' | 'edit' }
  | { readonly kind: 'manualShare'; readonly to: string; readonly access: 'read' | 'edit'; readonly by: string; readonly byName: string | null }
  | { readonly kind: 'approver' }
  /** The record is owned by a queue the user is a member of. */
  | { readonly kind: 'queue'; readonly queue: string; readonly label: string }
  | { readonly kind: 'master'; readonly object: string; readonly id: string | null; readonly name: string | null; readonly reasons: readonly AccessReason[] }
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
  /** The object's fields the user reads, edits, and may not see at all (not named to a user asking about themselves). */
  readonly fields: { readonly readable: readonly string[]; readonly editable: readonly string[]; readonly hidden: readonly string[] };
}

type Explained = StoredRecord & ApprovalMarks & { _shares?: ManualShare[] };

/** The user asked about, as the access checks see them, and what the answer may tell the asker. */
interface Subject {
  readonly ctx: OperationContext;
  readonly tell: AccessDisclosure;
}

/**
 * Why a user can or cannot read and edit one record: each condition of the engine's own access
 * checks (record-access.ts's clauses, the rights of the permission sets, the org-wide default, the
 * master of a detail) tried on its own against the record and named. Administrators, users who
 * manage users or view all data ask about anyone and are told everything; others ask about
 * themselves only, about a record they read (else the answer of a GET: 403 or 404), and are told
 * only what they read anyway (access-disclosure.ts).
 */
export async function explainAccess(ctx: OperationContext, objectName: string, id: string, userId: string): Promise<AccessExplanation> {
  const whole = hasSystemRight(ctx, 'manageUsers') || hasSystemRight(ctx, 'viewAllData');
  if (userId !== ctx.principal.userId && !whole) {
    throw new ForbiddenError(msg`Only users who manage users or view all data can ask why another user sees a record.`);
  }
  const object = recordObject(ctx, objectName);
  const users = ctx.snapshot.object('user')!;
  const user = await ctx.tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: userId }));
  if (!user) throw new NotFoundError(msg`There is no user with id '${userId}'.`);
  // A record the asker cannot read does not exist for them, as on every other route.
  const reach = whole ? true : await recordAccess(ctx, object, 'read');
  const record = await ctx.tenant.store.collection<Explained>(object.collection).findOne(alive(withAccess({ _id: id }, reach)));
  if (!record) throw recordNotFound(object, id);

  const subject: Subject = { ctx: { ...ctx, principal: principalOf(user) }, tell: accessDisclosure(ctx, whole) };
  const access = userAccess(ctx.snapshot, subject.ctx.principal);
  // The user asked about is the asker or someone the asker may ask about: their own record is told whole.
  const userName = typeof user.full_name === 'string' ? user.full_name : null;
  const who = userName ?? userId;
  const read = await verdict(subject, object, record, 'read', who);
  const edit = read.allowed ? await editVerdict(subject, object, record, who) : { allowed: false, reasons: [], why: renderText(msg`${who} cannot edit a record they cannot read.`, ctx.language) };
  const fields = access.fields(object);
  const role = subject.ctx.principal.role;
  return {
    user: { id: userId, name: userName, active: user.active !== false, role, roleLabel: role ? roleLabel(subject, role) : null },
    record: { object: object.name, id, name: await subject.tell.name(object, id), owner: typeof record._owner === 'string' ? record._owner : null },
    read,
    edit,
    fields: { readable: [...fields.readable], editable: [...fields.editable], hidden: subject.tell.whole ? [...fields.hidden] : [] },
  };
}

async function editVerdict(subject: Subject, object: CompiledObject, record: Explained, who: string): Promise<AccessVerdict> {
  const { ctx } = subject;
  const found = await verdict(subject, object, record, 'edit', who);
  const reasons = [...found.reasons];
  // The approval's own way in: sharing gives an approver only read, the edit path asks the process.
  if (await isEditingApprover(ctx.tenant.store, ctx, object, record)) reasons.push({ kind: 'approver' });
  if (reasons.length === 0) return found.why !== undefined ? found : { allowed: false, reasons, why: renderText(msg`${who} reads this ${inSentence(object.object.label)}, but nothing opens it to them to edit.`, ctx.language) };
  const lock = recordLock(ctx, object, record);
  if (lock && !(await mayChangeLocked(ctx.tenant.store, ctx, object, record, 'edit'))) return { allowed: false, reasons, why: renderText(lock.reason, ctx.language) };
  return { allowed: true, reasons };
}

/** The reasons the user reaches the record in this mode, or why not. */
async function verdict(subject: Subject, object: CompiledObject, record: Explained, mode: 'read' | 'edit', who: string): Promise<AccessVerdict> {
  const { ctx } = subject;
  const plural = inSentence(object.object.pluralLabel);
  if (!userAccess(ctx.snapshot, ctx.principal).object(object.name)[mode]) {
    const text = mode === 'read' ? msg`No permission set of ${who} grants reading ${plural}.` : msg`No permission set of ${who} grants editing ${plural}.`;
    return { allowed: false, reasons: [], why: renderText(text, ctx.language) };
  }
  const reasons = await reasonsFor(subject, object, record, mode);
  if (reasons.length > 0) return { allowed: true, reasons };
  const label = inSentence(object.object.label);
  const text: Text =
    mode === 'read'
      ? msg`${who} does not own this ${label}, holds no role above its owner's, and no sharing rule, manual share or approval opens it to them.`
      : msg`${who} does not own this ${label}, holds no role above its owner's, and no sharing rule or manual share opens it to them to edit.`;
  return { allowed: false, reasons, why: renderText(text, ctx.language) };
}

/** Every ground on which the user reaches the record: the same ones, in the same order, as record-access.ts's reach. */
async function reasonsFor(subject: Subject, object: CompiledObject, record: Explained, mode: AccessMode): Promise<AccessReason[]> {
  const { ctx, tell } = subject;
  const reasons: AccessReason[] = [...rightsThatOpenAll(subject, object, mode)];
  const sharing = object.object.sharing;
  if (sharing === 'controlledByParent') {
    const master = await masterReason(subject, object, record, mode);
    return master ? [...reasons, master] : reasons;
  }
  if (sharing === 'publicReadWrite' || (mode === 'read' && sharing === 'publicRead')) reasons.push({ kind: 'orgWideDefault', sharing });
  const records = ctx.tenant.store.collection<Explained>(object.collection);
  for (const clause of await sharingClauses(ctx, object, mode)) {
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
      case 'queue': {
        const queue = queueOf(record._owner)!;
        reasons.push({ kind: 'queue', queue, label: labelIn(ctx.snapshot.security.groups.get(queue)?.label, queue, ctx.language) });
        break;
      }
      case 'manualShare':
        reasons.push(...(await shareReasons(subject, record, mode)));
        break;
      case 'sharingRule': {
        const { rule } = ground;
        const named = tell.definitions;
        reasons.push({ kind: 'sharingRule', rule: named ? rule.name : null, label: named ? labelIn(rule.definition.label, rule.name, ctx.language) : null, access: rule.access });
        break;
      }
      default:
        assertNever(ground);
    }
  }
  return reasons;
}

/** Modify all data, view all data and the object's view all and modify all, each with the permission set that grants it. */
function rightsThatOpenAll(subject: Subject, object: CompiledObject, mode: AccessMode): AccessReason[] {
  const { ctx, tell } = subject;
  const reasons: AccessReason[] = [];
  const security = ctx.snapshot.security;
  for (const name of ctx.principal.permissionSets) {
    const set = security.permissionSets.get(name);
    if (!set) continue;
    const label = tell.definitions ? labelIn(set.label, name, ctx.language) : name;
    if (set.system.modifyAllData) reasons.push(name === ADMIN_PERMISSION_SET ? { kind: 'admin', permissionSet: name } : { kind: 'systemRight', right: 'modifyAllData', permissionSet: name, label });
    else if (mode === 'read' && set.system.viewAllData) reasons.push({ kind: 'systemRight', right: 'viewAllData', permissionSet: name, label });
    const rights = set.objects.get(object.name);
    if (rights?.modifyAll) reasons.push({ kind: 'objectRight', right: 'modifyAll', permissionSet: name, label });
    else if (mode === 'read' && rights?.viewAll) reasons.push({ kind: 'objectRight', right: 'viewAll', permissionSet: name, label });
  }
  return reasons;
}

/** A detail is reached through its master (read with it, edited with an edit of it): the master's own reasons. */
async function masterReason(subject: Subject, object: CompiledObject, record: Explained, mode: AccessMode): Promise<AccessReason | null> {
  const { ctx, tell } = subject;
  const field = object.object.master!;
  const master = ctx.snapshot.object(field.target);
  const masterId = record[field.name];
  if (!master || typeof masterId !== 'string') return null;
  const masterMode = mode === 'read' ? 'read' : 'edit';
  if (!userAccess(ctx.snapshot, ctx.principal).object(master.name)[masterMode]) return null;
  const masterRecord = await ctx.tenant.store.collection<Explained>(master.collection).findOne(alive({ _id: masterId }));
  if (!masterRecord) return null;
  const reasons = await reasonsFor(subject, master, masterRecord, masterMode);
  if (reasons.length === 0) return null;
  // Named as the detail names it to the asker: not at all when its master field is hidden from them.
  const told = (await tell.value(object, record._id, field.name)) === masterId;
  return { kind: 'master', object: master.name, id: told ? masterId : null, name: told ? await tell.name(master, masterId) : null, reasons };
}

/** The user's role is above the role of the record's owner. */
async function hierarchyReason(subject: Subject, record: Explained): Promise<AccessReason> {
  const { ctx, tell } = subject;
  const owner = typeof record._owner === 'string' ? await tell.value(ctx.snapshot.object('user')!, record._owner, 'role') : null;
  const ownerRole = typeof owner === 'string' ? owner : null;
  const role = ctx.principal.role ?? '';
  return { kind: 'roleHierarchy', role, roleLabel: roleLabel(subject, role), ownerRole, ownerRoleLabel: ownerRole === null ? null : roleLabel(subject, ownerRole) };
}

/** The manual shares on the record given to the user, one of their roles or groups, for this mode. */
async function shareReasons(subject: Subject, record: Explained, mode: AccessMode): Promise<AccessReason[]> {
  const { ctx, tell } = subject;
  const keys = new Set(userAccess(ctx.snapshot, ctx.principal).granteeKeys);
  const shares = (record._shares ?? []).filter((share) => keys.has(share.to) && (mode === 'read' || share.access === 'edit'));
  return Promise.all(shares.map(async (share): Promise<AccessReason> => {
    const byName = await tell.value(ctx.snapshot.object('user')!, share.by, 'full_name');
    return { kind: 'manualShare', to: share.to, access: share.access, by: share.by, byName: typeof byName === 'string' ? byName : null };
  }));
}

/** A role's label for those who read role definitions; its API name, which user records hold, for the others. */
function roleLabel(subject: Subject, role: string): string {
  return subject.tell.definitions ? labelIn(subject.ctx.snapshot.security.roles.get(role)?.label, role, subject.ctx.language) : role;
}

function labelIn(label: LocalizedValue | undefined, fallback: string, language: Language): string {
  return localize(label, language, fallback);
}
