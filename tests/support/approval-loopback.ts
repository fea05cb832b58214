import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';

export interface ReceivedMail {
  envelope: SMTPServerEnvelope;
  mail: ParsedMail;
}

export interface LoopbackSmtp {
  /** `smtp://127.0.0.1:<port>`, for the engine's mail settings. */
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback (plain text, no authentication) that keeps every message it accepts. */
export async function startLoopbackSmtp(): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ envelope: structuredClone(session.envelope), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The envelope recipients of a received message, in order. */
export const envelopeRecipients = (received: ReceivedMail) => received.envelope.rcptTo.map((rcpt) => rcpt.address);

/** The addresses of a parsed To header. */
export const headerAddresses = (to: AddressObject | AddressObject[] | undefined) => [to ?? []].flat().flatMap((group) => group.value.map((address) => address.address));

export interface WebhookCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface LoopbackReceiver {
  /** The base URL; any path under it is accepted with 204. */
  url: string;
  calls: WebhookCall[];
  close(): Promise<void>;
}

/** An HTTP server on loopback that answers every request 204 and keeps what it was sent. */
export async function startLoopbackReceiver(): Promise<LoopbackReceiver> {
  const calls: WebhookCall[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      calls.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
