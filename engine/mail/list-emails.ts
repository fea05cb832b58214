import { newestFirst, type Page } from '../jobs/index.js';
import { checkSystemRight, hasSystemRight } from '../security/object-access.js';
import { SECRET_MASK } from './webhook-secrets.js';
import { deliveriesOf, outboxStatusFilter, type Delivery } from './outbox-delivery.js';
import type { OperationContext } from '../context/index.js';
import { EMAIL_OUTBOX, type OutboxEmail } from './outbox-email.js';
import { messageFromStored, msg } from '../i18n/message.js';

/**
 * The e-mail outbox, newest first: what the engine sent or holds, for holders of the audit right.
 * Subjects and bodies are rendered from records, any of their fields: only readers who may view all
 * data get them; the others see to whom, when and with what outcome, the subject masked.
 */
export async function listEmails(
  ctx: OperationContext,
  page: Page & { status?: string },
): Promise<{ messages: (Omit<OutboxEmail, 'text'> & { text?: string; delivery?: Delivery })[]; next: string | null }> {
  checkSystemRight(ctx, 'viewAuditLog', msg`Only users who may view the audit log (administrators) can read the e-mail outbox.`);
  const store = ctx.tenant.store;
  const found = await newestFirst(store.collection<OutboxEmail>(EMAIL_OUTBOX), await outboxStatusFilter(store, 'email', page.status), page);
  const { next } = found;
  const deliveries = await deliveriesOf(store, 'email', found.entries.map((message) => message._id));
  const entries = found.entries.map((message) => {
    const delivery = deliveries.get(message._id);
    return { ...inLanguage(message, ctx), ...(delivery ? { delivery } : {}) };
  });
  if (hasSystemRight(ctx, 'viewAllData')) return { messages: entries, next };
  return { messages: entries.map(({ text: _text, html: _html, ...message }) => ({ ...message, subject: SECRET_MASK })), next };
}

/** A message as its reader sees it: the engine's own note in their language. */
function inLanguage(message: OutboxEmail, ctx: OperationContext): OutboxEmail {
  const { noteMessage, ...rest } = message;
  return noteMessage ? { ...rest, note: messageFromStored(noteMessage).render(ctx.language) } : rest;
}
