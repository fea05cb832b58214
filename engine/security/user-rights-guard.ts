import { ForbiddenError, type ErrorDetail } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { sameDocument } from '../store/json-document.js';
import type { Doc } from '../store/port.js';
import { principalOf } from '../context/principal.js';
import type { OperationContext } from '../context/index.js';
import { rightsBeyond, roleWithin } from './access/rights-beyond.js';
import { userAccess } from './access/user-access.js';
import { msg, type Message } from '../i18n/message.js';

/** The fields of a user record that give or take rights. */
const RIGHTS_FIELDS = ['role', 'permission_sets', 'active'] as const;
/** How many of the rights beyond the granter's a message lists before "and N more". */
const LISTED = 4;

export type UserAction = 'edit' | 'delete' | 'restore' | 'purge' | 'set the password of' | 'see the sign-ins of' | 'revoke the sign-ins of';

/** How a message says each action, in the reader's language. */
export const USER_ACTION_WORDS: Readonly<Record<UserAction, Message>> = {
  edit: msg`edit`,
  delete: msg`delete`,
  restore: msg`restore`,
  purge: msg`purge`,
  'set the password of': msg`set the password of`,
  'see the sign-ins of': msg`see the sign-ins of`,
  'revoke the sign-ins of': msg`revoke the sign-ins of`,
};

/**
 * Whoever manages users may act on the users whose rights are within their own, and give only what
 * they hold: otherwise the manage-users right would be a way to every other right (assign oneself
 * `admin`, or reset an administrator's password and sign in as them). A user never changes their
 * own role, permission sets or active flag. The engine itself (first admin, installs) is exempt.
 * Called with the stored record (null on create) and the values and clearances the client sent.
 */
export function checkUserWrite(ctx: OperationContext, object: CompiledObject, current: Doc | null, values: Record<string, unknown>, cleared: readonly string[]): void {
  if (object.name !== 'user' || ctx.principal.system) return;
  if (current) checkUserTarget(ctx, object, current, 'edit');
  const changed = RIGHTS_FIELDS.filter((name) =>
    name in values ? !sameDocument(values[name], current?.[name]) : cleared.includes(name) && current?.[name] !== undefined,
  );
  if (changed.length === 0) return;
  if (current?._id === ctx.principal.userId) {
    throw new ForbiddenError(
      msg`You cannot change your own ${changed.join(', ')}: another user who may manage users must do it.`,
      changed.map((name) => ({ path: `/${name}`, message: msg`is yours: another user who may manage users must change it` })),
    );
  }
  const actor = userAccess(ctx.snapshot, ctx.principal);
  const problems: ErrorDetail[] = [];
  const sets = values.permission_sets;
  if (changed.includes('permission_sets') && Array.isArray(sets)) {
    sets.forEach((name, index) => {
      if (typeof name !== 'string') return;
      const beyond = rightsBeyond(ctx.snapshot, actor, { userId: `permission-set:${name}`, role: null, permissionSets: [name] });
      if (beyond.length > 0) problems.push({ path: `/permission_sets/${index}`, message: msg`grants ${listed(beyond)}, which you do not hold: only a user who holds them may assign '${name}'` });
    });
  }
  const role = values.role;
  if (changed.includes('role') && typeof role === 'string' && role !== '' && !roleWithin(actor, role)) {
    problems.push({ path: '/role', message: msg`'${role}' is neither your own role nor below it: only an administrator (modify all data) may assign it` });
  }
  if (problems.length > 0) {
    throw new ForbiddenError(msg`You may only give users the rights you hold yourself.`, problems);
  }
}

/**
 * Acting on another user's account (editing, deleting, restoring, setting the password, ending the
 * sign-ins) needs every right that user holds: else a manager of users could take over an account
 * more powerful than their own. Deleting oneself is refused like deactivating oneself.
 */
export function checkUserTarget(ctx: OperationContext, object: CompiledObject, target: Doc, action: UserAction): void {
  if (object.name !== 'user' || ctx.principal.system) return;
  if (target._id === ctx.principal.userId) {
    if (action === 'delete') throw new ForbiddenError(msg`You cannot delete your own user: another user who may manage users must do it.`);
    return;
  }
  const beyond = rightsBeyond(ctx.snapshot, userAccess(ctx.snapshot, ctx.principal), principalOf(target));
  if (beyond.length > 0) {
    throw new ForbiddenError(msg`You may not ${USER_ACTION_WORDS[action]} this user: they hold ${listed(beyond)}, which you do not. Ask a user who holds those rights (an administrator).`);
  }
}

function listed(beyond: readonly string[]): string {
  const shown = beyond.slice(0, LISTED).join(', ');
  return beyond.length > LISTED ? `${shown} and ${beyond.length - LISTED} more` : shown;
}
