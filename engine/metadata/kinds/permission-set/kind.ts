import schema from '../../../schemas/permission-set.schema.json' with { type: 'json' };
import type { PermissionSetDefinition } from '../../../schemas/generated/permission-set.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Permission sets: rights on objects and fields, and system rights. */
export const permissionSetKind = defineKind<'permissionSet', PermissionSetDefinition>({
  kind: 'permissionSet',
  schema,
  noun: msg`permission set`,
  plural: 'permissionSets',
  inPacks: true,
  core: '.permission-set.json',
  ...keptIn((snapshot) => snapshot.security.permissionSets),
  api: {
    readRights: ['manageUsers'],
    docs: {
      one: 'PermissionSet',
      many: 'PermissionSets',
      listed: 'Every permission set, `admin` and `standard_user` among them.',
      create: 'Every object and field it names must exist (400 with the path of each unknown one). 409 `already_exists` when the name is taken.',
      replace:
        'The body is the whole new permission set. A different name renames it: refused with 409 `permission_set_in_use` while users list it. ' +
        'The `admin` set keeps its name (409 `required_by_platform`) and every system right (400).',
      deleteRefused: 'Refused with 409 `permission_set_in_use` while users list it in their `permission_sets` (the count is named); `admin` never goes (409 `required_by_platform`).',
    },
  },
});
