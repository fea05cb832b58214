import { newestFirst, type Page } from '../jobs/index.js';
import { checkSystemRight } from '../security/object-access.js';
import type { OperationContext } from '../tenancy/index.js';
import { EMAIL_OUTBOX, type OutboxEmail } from './outbox-email.js';
import { messageFromStored, msg } from '../i18n/message.js';

/** The e-mail outbox, newest first: what the engine sent or holds, for administrators. */
export async function listEmails(ctx: OperationContext, page: Page): Promise<{ messages: OutboxEmail[]; next: string | null }> {
  checkSystemRight(ctx, 'viewAuditLog', msg`Only users who may view the audit log (administrators) can read the e-mail outbox.`);
  const { entries, next } = await newestFirst(ctx.tenant.store.collection<OutboxEmail>(EMAIL_OUTBOX), {}, page);
  return { messages: entries.map((message) => inLanguage(message, ctx)), next };
}

/** A message as its reader sees it: the engine's own note in their language. */
function inLanguage(message: OutboxEmail, ctx: OperationContext): OutboxEmail {
  const { noteMessage, ...rest } = message;
  return noteMessage ? { ...rest, note: messageFromStored(noteMessage).render(ctx.language) } : rest;
}
