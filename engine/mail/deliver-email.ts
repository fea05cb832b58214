import nodemailer, { type SMTPSentMessageInfo, type Transporter } from 'nodemailer';
import { msg } from '../i18n/message.js';
import type { JobHandler } from '../jobs/index.js';
import { EMAIL_OUTBOX, type OutboxEmail } from './outbox-email.js';

export interface MailSettings {
  /** The SMTP server, like smtp://user:password@mail.example.com:587 (SMTP_URL); without it messages stay in the outbox. */
  smtpUrl?: string;
  /** The sender of every message (MAIL_FROM). */
  from?: string;
}

export const DEFAULT_MAIL_FROM = 'CRM <no-reply@crm.local>';

const NOT_CONFIGURED = msg`Not sent: no SMTP server is configured (SMTP_URL). The message stays in the outbox.`;

/** One transport per SMTP server for the whole process: nodemailer keeps its settings and connection logic there. */
const transports = new Map<string, Transporter<SMTPSentMessageInfo>>();

function transportFor(smtpUrl: string): Transporter<SMTPSentMessageInfo> {
  let transport = transports.get(smtpUrl);
  if (!transport) transports.set(smtpUrl, (transport = nodemailer.createTransport(smtpUrl)));
  return transport;
}

/**
 * The handler of `email.deliver` jobs: sends the outbox message through SMTP and marks it sent. A
 * failed send is noted on the message and thrown, so that the scheduler retries it.
 */
export function emailDelivery(settings: MailSettings): JobHandler {
  const from = settings.from ?? DEFAULT_MAIL_FROM;
  return async (tenant, job) => {
    const id = job.payload.id;
    if (typeof id !== 'string') throw new Error(`An e-mail delivery job needs the id of an outbox message in its payload, got ${JSON.stringify(job.payload)}.`);
    const outbox = tenant.store.collection<OutboxEmail>(EMAIL_OUTBOX);
    const message = await outbox.findOne({ _id: id });
    if (!message) throw new Error(`The e-mail outbox holds no message '${id}'.`);
    if (message.status === 'sent') return;
    if (!settings.smtpUrl) {
      await outbox.updateOne({ _id: id }, { $set: { note: String(NOT_CONFIGURED), noteMessage: NOT_CONFIGURED.toStored() } });
      return;
    }
    const requestId = job.requestId ?? `job-${job._id}`;
    try {
      const info = await transportFor(settings.smtpUrl).sendMail({
        from,
        // The request that caused the message (the job keeps its id): support can find it in the logs.
        ...(requestId ? { headers: { 'X-Request-Id': requestId } } : {}),
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
      });
      const rejected = info.rejected;
      await outbox.updateOne(
        { _id: id },
        { $set: { status: 'sent', sentAt: new Date().toISOString(), messageId: info.messageId, ...(rejected.length > 0 ? { rejected } : {}) }, $unset: { note: '', noteMessage: '', lastError: '' } },
      );
    } catch (error) {
      await outbox.updateOne({ _id: id }, { $set: { lastError: error instanceof Error ? error.message : String(error) } });
      throw error;
    }
  };
}
