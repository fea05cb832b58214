import { createAjv } from '../../metadata/create-ajv.js';
import { readableErrors } from '../../metadata/readable-errors.js';
import { groupKey, roleAndSubordinatesKey, roleKey, userKey } from '../../metadata/security/grantee-keys.js';
import type { GranteeKey } from '../../metadata/security/resolved-security.js';
import { ValidationError } from '../../errors/index.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import type { OperationContext } from '../../context/index.js';
import { msg } from '../../i18n/message.js';

export interface ShareRequest {
  user?: string;
  role?: string;
  roleAndSubordinates?: string;
  group?: string;
  access: 'read' | 'edit';
}

const name = { type: 'string', minLength: 1, maxLength: 64 };
const validate = createAjv().compile<ShareRequest>({
  type: 'object',
  required: ['access'],
  additionalProperties: false,
  properties: { user: name, role: name, roleAndSubordinates: name, group: name, access: { enum: ['read', 'edit'] } },
  oneOf: [{ required: ['user'] }, { required: ['role'] }, { required: ['roleAndSubordinates'] }, { required: ['group'] }],
});

/** A share request checked: exactly one grantee that exists (an active user, a role, a group). */
export async function parseShareRequest(ctx: OperationContext, body: unknown): Promise<{ to: GranteeKey; access: 'read' | 'edit' }> {
  if (!validate(body)) {
    throw new ValidationError(readableErrors(validate.errors ?? [], { unknownProperty: msg`is not a property of a share: give one of user, role, roleAndSubordinates, group, and access` }));
  }
  const security = ctx.snapshot.security;
  if (body.user !== undefined) {
    const users = ctx.snapshot.object('user')!;
    const user = await ctx.tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: body.user }), { projection: { _id: 1, active: 1 } });
    if (!user || user.active === false) throw new ValidationError([{ path: '/user', message: msg`there is no active user with id '${body.user}'` }]);
    return { to: userKey(body.user), access: body.access };
  }
  const role = body.role ?? body.roleAndSubordinates;
  if (role !== undefined) {
    const path = body.role !== undefined ? '/role' : '/roleAndSubordinates';
    if (!security.roles.has(role)) throw new ValidationError([{ path, message: msg`there is no role named '${role}'` }]);
    return { to: body.role !== undefined ? roleKey(role) : roleAndSubordinatesKey(role), access: body.access };
  }
  if (!security.groups.has(body.group!)) throw new ValidationError([{ path: '/group', message: msg`there is no group named '${body.group}'` }]);
  return { to: groupKey(body.group!), access: body.access };
}
