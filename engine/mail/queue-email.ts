import { enqueueJob } from '../jobs/index.js';
import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { newId } from '../store/new-id.js';
import type { Collections } from '../store/port.js';
import { EMAIL_DELIVER, EMAIL_OUTBOX, type EmailMessage, type OutboxEmail } from './outbox-email.js';
import { msg } from '../i18n/message.js';

/** One address, without a display name; no white space, so nothing can be smuggled into a header. */
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

/**
 * Puts a message in the outbox and schedules its delivery, both in the caller's unit of work: the
 * message goes out only if the change that sends it commits. Returns the message's id.
 */
export async function queueEmail(tx: Collections, message: EmailMessage): Promise<string> {
  const problems: ErrorDetail[] = [];
  if (message.to.length === 0) problems.push({ path: '/to', message: msg`must name at least one recipient` });
  message.to.forEach((address, index) => {
    if (!ADDRESS.test(address)) problems.push({ path: `/to/${index}`, message: msg`must be an e-mail address like name@example.com, got '${address}'` });
  });
  if (problems.length > 0) throw new ValidationError(problems);
  const doc: OutboxEmail = {
    _id: newId(),
    to: [...message.to],
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    ...(message.reason === undefined ? {} : { reason: message.reason }),
    status: 'pending',
    queuedAt: new Date().toISOString(),
  };
  await tx.collection<OutboxEmail>(EMAIL_OUTBOX).insertOne(doc);
  await enqueueJob(tx, { kind: EMAIL_DELIVER, dueAt: new Date(), payload: { id: doc._id }, key: `${EMAIL_DELIVER}:${doc._id}` });
  return doc._id;
}
