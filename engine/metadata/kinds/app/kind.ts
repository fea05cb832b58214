import schema from '../../../schemas/app.schema.json' with { type: 'json' };
import type { AppDefinition } from '../../../schemas/generated/app.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Apps of the web app's navigation: tabs of objects, shown to permission sets. */
export const appKind = defineKind<'app', AppDefinition>({
  kind: 'app',
  schema,
  noun: msg`app`,
  plural: 'apps',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.apps),
  api: {
    docs: {
      one: 'App',
      many: 'Apps',
      listed:
        'The apps of the web app\'s navigation. Users who may not manage metadata get the apps shown to one of their permission sets (or to everyone), ' +
        'with the tabs of objects they may read, without `permissionSets` and `description`; GET /api/v1/ui/apps gives the same in their language.',
      create:
        'Every object a tab names must exist and be a tab once (400 with the path under /tabs); the permission sets named must exist (400 under /permissionSets). ' +
        '409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new app; a different name renames it (409 when another app has that name).',
    },
  },
});
