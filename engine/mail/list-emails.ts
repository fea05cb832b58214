import { newestFirst, type Page } from '../jobs/index.js';
import { checkSystemRight, hasSystemRight } from '../security/object-access.js';
import { SECRET_MASK } from './webhook-secrets.js';
import type { OperationContext } from '../tenancy/index.js';
import { EMAIL_OUTBOX, type OutboxEmail } from './outbox-email.js';

/**
 * The e-mail outbox, newest first: what the engine sent or holds, for holders of the audit right.
 * Subjects and bodies are rendered from records, any of their fields: only readers who may view all
 * data get them; the others see to whom, when and with what outcome, the subject masked.
 */
export async function listEmails(ctx: OperationContext, page: Page): Promise<{ messages: (Omit<OutboxEmail, 'text'> & { text?: string })[]; next: string | null }> {
  checkSystemRight(ctx, 'viewAuditLog', 'Only users who may view the audit log (administrators) can read the e-mail outbox.');
  const { entries, next } = await newestFirst(ctx.tenant.store.collection<OutboxEmail>(EMAIL_OUTBOX), {}, page);
  if (hasSystemRight(ctx, 'viewAllData')) return { messages: entries, next };
  return { messages: entries.map(({ text: _text, html: _html, ...message }) => ({ ...message, subject: SECRET_MASK })), next };
}
