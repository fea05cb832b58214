import type { StoredMessage } from '../i18n/message.js';
import type { Doc } from '../store/port.js';

/** The tenant's outgoing e-mail: every message queued, whether or not an SMTP server took it. */
export const EMAIL_OUTBOX = 'outbox.email';
/** The job kind that delivers one message of the outbox; its payload is `{ id }`. */
export const EMAIL_DELIVER = 'email.deliver';

export interface EmailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** Why the message was sent (an approval step, a rule): shown to administrators, never to the recipient. */
  reason?: string;
}

export type EmailStatus = 'pending' | 'sent';

export interface OutboxEmail extends Doc, EmailMessage {
  status: EmailStatus;
  queuedAt: string;
  sentAt?: string;
  /** The Message-ID the transport gave the message. */
  messageId?: string;
  /** Recipients the SMTP server refused while it accepted the others. */
  rejected?: string[];
  /** Why a message stays pending although its job ended (no SMTP server configured). */
  note?: string;
  /** The same note as a translatable message: read in the reader's language. */
  noteMessage?: StoredMessage;
  /** The error of the last failed attempt to send it. */
  lastError?: string;
}
