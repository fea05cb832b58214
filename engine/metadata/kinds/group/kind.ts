import schema from '../../../schemas/group.schema.json' with { type: 'json' };
import type { GroupDefinition } from '../../../schemas/generated/group.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Public groups of users and roles, which sharing rules share with. */
export const groupKind = defineKind<'group', GroupDefinition>({
  kind: 'group',
  schema,
  noun: msg`group`,
  plural: 'groups',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.security.groups),
  api: {
    readRights: ['manageUsers'],
    docs: {
      one: 'Group',
      many: 'Groups',
      listed: 'Every public group.',
      create: 'Its roles must exist (400 with the path of each unknown one). 409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new group; a different name renames it, refused with 409 `metadata_in_use` while sharing rules name it.',
      deleteRefused: 'Refused with 409 `metadata_in_use` while sharing rules name the group.',
    },
  },
});
