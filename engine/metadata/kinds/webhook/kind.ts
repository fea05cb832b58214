import schema from '../../../schemas/webhook.schema.json' with { type: 'json' };
import type { WebhookDefinition } from '../../../schemas/generated/webhook.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Outgoing webhooks: record and approval events POSTed, signed, to another system. */
export const webhookKind = defineKind<'webhook', WebhookDefinition>({
  kind: 'webhook',
  schema,
  noun: msg`webhook`,
  plural: 'webhooks',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.webhooks),
  api: {
    docs: {
      one: 'Webhook',
      many: 'Webhooks',
      listed: 'The outgoing webhooks, administrators only. The signing secret is write-only: every read shows •••• in its place.',
      create:
        'Checked when saved: the URL (http or https, no user name or password, no IP address outside the public internet unless the operator opened it), ' +
        'each event\'s object, fields or approval process (400 at /events/<i>/object, /events/<i>/fields/<j>, /events/<i>/process). ' +
        'Without `secret` the server generates one: the 201 answer shows it once in `secret`, no read ever again. 409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new webhook; `secret` left out or sent as •••• keeps the stored one, a new value replaces it.',
    },
  },
});
