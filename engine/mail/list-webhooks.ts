import { newestFirst, type Page } from '../jobs/index.js';
import { checkSystemRight, hasSystemRight } from '../security/object-access.js';
import type { OperationContext } from '../context/index.js';
import { maskUrl } from './webhook-secrets.js';
import { deliveriesOf, outboxStatusFilter, type Delivery } from './outbox-delivery.js';
import { WEBHOOK_OUTBOX, type OutboxWebhook } from './outbox-webhook.js';
import { msg } from '../i18n/message.js';

/**
 * The webhook outbox, newest first: every call with its answer, for holders of the audit right.
 * A call's body carries record values, any of their fields: only readers who may view all data get it.
 */
export async function listWebhooks(
  ctx: OperationContext,
  page: Page & { status?: string },
): Promise<{ calls: (Omit<OutboxWebhook, 'body'> & { body?: string; delivery?: Delivery })[]; next: string | null }> {
  checkSystemRight(ctx, 'viewAuditLog', msg`Only users who may view the audit log (administrators) can read the webhook outbox.`);
  const store = ctx.tenant.store;
  const { entries, next } = await newestFirst(store.collection<OutboxWebhook>(WEBHOOK_OUTBOX), await outboxStatusFilter(store, 'webhook', page.status), page);
  const deliveries = await deliveriesOf(store, 'webhook', entries.map((call) => call._id));
  // Tokens in the URLs are write-only, here as in the definitions the calls came from.
  const bodies = hasSystemRight(ctx, 'viewAllData');
  const calls = entries.map(({ body, ...call }) => ({
    ...call,
    ...(bodies ? { body } : {}),
    url: maskUrl(call.url),
    ...(call.lastError === undefined ? {} : { lastError: call.lastError.split(call.url).join(maskUrl(call.url)) }),
    ...(deliveries.has(call._id) ? { delivery: deliveries.get(call._id)! } : {}),
  }));
  return { calls, next };
}
