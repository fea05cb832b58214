import { newestFirst, type Page } from '../jobs/index.js';
import { checkSystemRight } from '../security/object-access.js';
import type { OperationContext } from '../tenancy/index.js';
import { maskUrl } from './webhook-secrets.js';
import { WEBHOOK_OUTBOX, type OutboxWebhook } from './outbox-webhook.js';
import { msg } from '../i18n/message.js';

/** The webhook outbox, newest first: every call with its answer, for administrators. */
export async function listWebhooks(ctx: OperationContext, page: Page): Promise<{ calls: OutboxWebhook[]; next: string | null }> {
  checkSystemRight(ctx, 'viewAuditLog', msg`Only users who may view the audit log (administrators) can read the webhook outbox.`);
  const { entries, next } = await newestFirst(ctx.tenant.store.collection<OutboxWebhook>(WEBHOOK_OUTBOX), {}, page);
  // Tokens in the URLs are write-only, here as in the definitions the calls came from.
  const calls = entries.map((call) => ({
    ...call,
    url: maskUrl(call.url),
    ...(call.lastError === undefined ? {} : { lastError: call.lastError.split(call.url).join(maskUrl(call.url)) }),
  }));
  return { calls, next };
}
