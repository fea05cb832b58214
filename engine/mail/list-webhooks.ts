import { newestFirst, type Page } from '../jobs/index.js';
import { checkSystemRight } from '../security/object-access.js';
import type { OperationContext } from '../tenancy/index.js';
import { WEBHOOK_OUTBOX, type OutboxWebhook } from './outbox-webhook.js';
import { msg } from '../i18n/message.js';

/** The webhook outbox, newest first: every call with its answer, for administrators. */
export async function listWebhooks(ctx: OperationContext, page: Page): Promise<{ calls: OutboxWebhook[]; next: string | null }> {
  checkSystemRight(ctx, 'viewAuditLog', msg`Only users who may view the audit log (administrators) can read the webhook outbox.`);
  const { entries, next } = await newestFirst(ctx.tenant.store.collection<OutboxWebhook>(WEBHOOK_OUTBOX), {}, page);
  return { calls: entries, next };
}
