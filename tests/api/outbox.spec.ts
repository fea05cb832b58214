import { expect } from 'chai';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';
import { JOBS_COLLECTION, type JobDoc } from '../../engine/jobs/index.js';
import { EMAIL_OUTBOX, queueEmail, queueWebhook, WEBHOOK_OUTBOX, type OutboxEmail, type OutboxWebhook } from '../../engine/mail/index.js';
import { expectError } from '../support/api-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

const HOUR = 60 * 60 * 1000;
const later = (ms: number) => new Date(Date.now() + ms);

interface Received {
  envelope: SMTPServerEnvelope;
  mail: ParsedMail;
}

/** A real SMTP server on loopback: plain text, no authentication; it refuses the next `refuse` messages with a temporary error. */
async function startSmtpServer(): Promise<{ port: number; received: Received[]; refuse: { count: number }; close(): Promise<void> }> {
  const received: Received[] = [];
  const refuse = { count: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      if (refuse.count > 0) {
        refuse.count--;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 })));
        return;
      }
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
  return { port, received, refuse, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Hook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback: answers each POST with the next status of `answers`, then 204. */
async function startWebhookReceiver(): Promise<{ url: string; calls: Hook[]; answers: number[]; close(): Promise<void> }> {
  const calls: Hook[] = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      const status = answers.shift() ?? 204;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? 'ledger unavailable' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/approval`,
    calls,
    answers,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const addresses = (to: AddressObject | AddressObject[] | undefined) => [to ?? []].flat().flatMap((group) => group.value.map((address) => address.address));

describe('outbox: e-mail and webhooks delivered by jobs', () => {
  describe('e-mail with an SMTP server configured', () => {
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let engine: ConfiguredEngine;
    const email = async (id: string) => (await engine.tenant.store.collection<OutboxEmail>(EMAIL_OUTBOX).findOne({ _id: id }))!;

    before(async () => {
      smtp = await startSmtpServer();
      engine = await startConfiguredEngine({ mail: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Approvals <approvals@crm.example>' } });
    });
    after(async () => {
      await engine.stop(true);
      await smtp.close();
    });
    beforeEach(() => {
      smtp.received.length = 0;
    });

    it('delivers a message queued in a unit of work, Chinese text intact, and marks it sent', async () => {
      const id = await engine.tenant.store.unitOfWork((tx) =>
        queueEmail(tx, {
          to: ['li.wei@example.com', 'finance@example.com'],
          subject: '采购申请 PR-0001 待您审批',
          text: '您好，\n采购申请“笔记本电脑”（金额 ¥12,000）等待您的审批。',
          html: '<p>采购申请 <b>笔记本电脑</b> 等待您的审批。</p>',
          reason: 'approval purchase_request',
        }),
      );
      expect(await email(id)).to.include({ status: 'pending' });
      expect(await engine.jobs.runDue()).to.equal(1);
      expect(smtp.received).to.have.length(1);
      const [{ envelope, mail }] = smtp.received as [Received];
      expect(envelope.rcptTo.map((rcpt) => rcpt.address)).to.deep.equal(['li.wei@example.com', 'finance@example.com']);
      expect(envelope.mailFrom && envelope.mailFrom.address).to.equal('approvals@crm.example');
      expect(addresses(mail.to)).to.deep.equal(['li.wei@example.com', 'finance@example.com']);
      expect(mail.from?.value).to.deep.equal([{ name: 'Approvals', address: 'approvals@crm.example' }]);
      expect(mail.subject).to.equal('采购申请 PR-0001 待您审批');
      expect(mail.text?.trim()).to.equal('您好，\n采购申请“笔记本电脑”（金额 ¥12,000）等待您的审批。');
      expect(mail.html).to.equal('<p>采购申请 <b>笔记本电脑</b> 等待您的审批。</p>');
      const sent = await email(id);
      expect(sent).to.include({ status: 'sent', messageId: mail.messageId });
      expect(sent.sentAt).to.be.a('string');
      expect(await engine.jobs.runDue(later(HOUR))).to.equal(0);
      expect(smtp.received).to.have.length(1);
    });

    it('retries a message the SMTP server refused and sends it on a later attempt', async () => {
      smtp.refuse.count = 1;
      const id = await engine.tenant.store.unitOfWork((tx) => queueEmail(tx, { to: ['cfo@example.com'], subject: 'Escalation', text: 'Waiting for three days.' }));
      expect(await engine.jobs.runDue()).to.equal(1);
      expect(smtp.received).to.have.length(0);
      const refused = await email(id);
      expect(refused.status).to.equal('pending');
      expect(refused.lastError).to.match(/Mailbox temporarily unavailable/);
      const job = (await engine.tenant.store.collection<JobDoc>(JOBS_COLLECTION).findOne({ 'payload.id': id }))!;
      expect(job).to.include({ status: 'due', attempts: 1 });
      expect(Date.parse(job.dueAt)).to.be.greaterThan(Date.now() + 20_000);
      expect(await engine.jobs.runDue(later(HOUR))).to.equal(1);
      expect(smtp.received.map((received) => received.mail.subject)).to.deep.equal(['Escalation']);
      expect(await email(id)).to.include({ status: 'sent' }).and.not.have.property('lastError');
    });

    it('sends nothing when the unit of work that queued the message rolled back', async () => {
      const before = await engine.tenant.store.collection(EMAIL_OUTBOX).count({});
      await engine.tenant.store
        .unitOfWork(async (tx) => {
          await queueEmail(tx, { to: ['nobody@example.com'], subject: 'Never', text: 'Rolled back.' });
          throw new Error('the approval was refused');
        })
        .catch(() => undefined);
      expect(await engine.jobs.runDue(later(HOUR))).to.equal(0);
      expect(await engine.tenant.store.collection(EMAIL_OUTBOX).count({})).to.equal(before);
      expect(smtp.received).to.have.length(0);
    });

    it('refuses a recipient that is not an e-mail address, naming it', async () => {
      const refused = await engine.tenant.store.unitOfWork((tx) => queueEmail(tx, { to: ['ok@example.com', 'Bob <bob@example.com>'], subject: 'x', text: 'x' })).then(
        () => expect.fail('queueEmail should refuse the address'),
        (error: { details: { path: string; message: unknown }[] }) => error.details.map((detail) => ({ ...detail, message: String(detail.message) })),
      );
      expect(refused).to.deep.equal([{ path: '/to/1', message: "must be an e-mail address like name@example.com, got 'Bob <bob@example.com>'" }]);
    });

    it('lists the outbox newest first for administrators', async () => {
      const response = await engine.request('GET', '/api/v1/outbox/email?limit=2');
      expect(response.status).to.equal(200);
      expect(response.body.messages.map((message: OutboxEmail) => message.subject)).to.deep.equal(['Escalation', '采购申请 PR-0001 待您审批']);
      expect(response.body.messages[0]).to.include({ status: 'sent' });
    });
  });

  describe('e-mail without an SMTP server', () => {
    let engine: ConfiguredEngine;
    before(async () => {
      engine = await startConfiguredEngine();
    });
    after(() => engine.stop(true));

    it('completes the job and keeps the message pending in the outbox with a note', async () => {
      const id = await engine.tenant.store.unitOfWork((tx) => queueEmail(tx, { to: ['li.wei@example.com'], subject: '提醒', text: '请审批。', reason: 'approval reminder' }));
      expect(await engine.jobs.runDue()).to.equal(1);
      const response = await engine.request('GET', '/api/v1/outbox/email');
      expect(response.status).to.equal(200);
      expect(response.body.next).to.equal(null);
      expect(response.body.messages).to.have.length(1);
      expect(response.body.messages[0]).to.include({ _id: id, status: 'pending', subject: '提醒', text: '请审批。', reason: 'approval reminder' });
      expect(response.body.messages[0].to).to.deep.equal(['li.wei@example.com']);
      expect(response.body.messages[0].note).to.match(/no SMTP server is configured \(SMTP_URL\)/);
      expect((await engine.request('GET', '/api/v1/jobs?status=done')).body.jobs.map((job: JobDoc) => job.kind)).to.deep.equal(['email.deliver']);
    });
  });

  describe('webhooks', () => {
    let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
    let engine: ConfiguredEngine;
    const call = async (id: string) => (await engine.tenant.store.collection<OutboxWebhook>(WEBHOOK_OUTBOX).findOne({ _id: id }))!;

    before(async () => {
      receiver = await startWebhookReceiver();
      engine = await startConfiguredEngine();
    });
    after(async () => {
      await engine.stop(true);
      await receiver.close();
    });
    beforeEach(() => {
      receiver.calls.length = 0;
    });

    it('POSTs the JSON body and records the answer', async () => {
      const body = { event: 'approved', record: { _id: 'r1', title: '笔记本电脑', amount: 12000 } };
      const id = await engine.tenant.store.unitOfWork((tx) => queueWebhook(tx, { url: receiver.url, body, reason: 'approval purchase_request' }));
      expect(await engine.jobs.runDue()).to.equal(1);
      expect(receiver.calls).to.have.length(1);
      const [hook] = receiver.calls as [Hook];
      expect(hook.headers['content-type']).to.equal('application/json');
      expect(hook.headers['x-webhook-id']).to.equal(id);
      expect(JSON.parse(hook.body)).to.deep.equal(body);
      expect(await call(id)).to.include({ status: 'delivered', responseStatus: 204 });
    });

    it('retries a call answered with 500 and records each answer', async () => {
      receiver.answers.push(500);
      const id = await engine.tenant.store.unitOfWork((tx) => queueWebhook(tx, { url: receiver.url, body: { n: 1 } }));
      expect(await engine.jobs.runDue()).to.equal(1);
      expect(await call(id)).to.include({ status: 'pending', responseStatus: 500, lastError: `POST ${receiver.url} answered 500: the receiver did not accept the call` });
      expect(await engine.jobs.runDue()).to.equal(0);
      expect(await engine.jobs.runDue(later(HOUR))).to.equal(1);
      expect(receiver.calls.map((hook) => hook.body)).to.deep.equal(['{"n":1}', '{"n":1}']);
      expect(await call(id)).to.include({ status: 'delivered', responseStatus: 204 }).and.not.have.property('lastError');
    });

    it('retries a call nobody answered', async () => {
      const closed = await startWebhookReceiver();
      await closed.close();
      const id = await engine.tenant.store.unitOfWork((tx) => queueWebhook(tx, { url: closed.url, body: {} }));
      expect(await engine.jobs.runDue()).to.equal(1);
      expect((await call(id)).lastError).to.match(/^POST http:\/\/127\.0\.0\.1:\d+\/hooks\/approval failed: the connection was refused \(ECONNREFUSED\)$/);
      expect((await engine.tenant.store.collection<JobDoc>(JOBS_COLLECTION).findOne({ 'payload.id': id }))!).to.include({ status: 'due', attempts: 1 });
    });

    it('refuses a URL that is not http or https', async () => {
      for (const url of ['file:///etc/passwd', 'not a url']) {
        await engine.tenant.store.unitOfWork((tx) => queueWebhook(tx, { url, body: {} })).then(
          () => expect.fail(`queueWebhook should refuse ${url}`),
          (error: { details: { path: string }[] }) => expect(error.details.map((detail) => detail.path)).to.deep.equal(['/url']),
        );
      }
    });

    it('lists the calls for administrators', async () => {
      const response = await engine.request('GET', '/api/v1/outbox/webhook');
      expect(response.status).to.equal(200);
      expect(response.body.calls.length).to.be.at.least(3);
      expect(response.body.calls[0]).to.have.property('url');
      expectError(await engine.request('GET', '/api/v1/outbox/webhook?limit=0'), 400, 'validation_failed');
    });
  });
});
