import schema from '../../../schemas/role.schema.json' with { type: 'json' };
import type { RoleDefinition } from '../../../schemas/generated/role.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Roles of the hierarchy: who sees the records of whom. */
export const roleKind = defineKind<'role', RoleDefinition>({
  kind: 'role',
  schema,
  noun: msg`role`,
  plural: 'roles',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.security.roles),
  api: {
    readRights: ['manageUsers'],
    docs: {
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
  },
});
