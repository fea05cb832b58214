import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JOBS_COLLECTION, type JobDoc } from '../../engine/jobs/index.js';
import { queueWebhook, WEBHOOK_OUTBOX, type OutboxWebhook } from '../../engine/mail/index.js';
import { createRecord, defineObject, detailPaths, expectError } from '../support/api-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

/** What an internal service would give away: the receivers below answer with it, and it must never come back. */
const INTERNAL_PAGE = 'root:x:0:0:root:/root:/bin/bash (internal inventory, do not share)';

interface LoopbackServer {
  port: number;
  /** The paths it was asked for, in order. */
  hits: string[];
  close(): Promise<void>;
}

/** A server on 127.0.0.1 that answers every request with `answer` (status, headers) and INTERNAL_PAGE as its body. */
async function startServer(answer: () => { status: number; headers?: Record<string, string> }): Promise<LoopbackServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push(req.url ?? '');
      const { status, headers = {} } = answer();
      res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(INTERNAL_PAGE);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Webhooks only reach public addresses, checked after DNS resolution and pinned, unless the operator opens a host. */
describe('webhook destinations: no calls into the platform network', () => {
  let internal: LoopbackServer;
  before(async () => {
    internal = await startServer(() => ({ status: 200 }));
  });
  after(() => internal.close());

  const outboxCall = async (engine: ConfiguredEngine, id: string) => (await engine.tenant.store.collection<OutboxWebhook>(WEBHOOK_OUTBOX).findOne({ _id: id }))!;
  const jobError = async (engine: ConfiguredEngine, id: string) => (await engine.tenant.store.collection<JobDoc>(JOBS_COLLECTION).findOne({ 'payload.id': id }))!.lastError;

  describe('without an allowlist', () => {
    let engine: ConfiguredEngine;
    before(async () => {
      engine = await startConfiguredEngine({ webhooks: { allowedHosts: [] } });
      await defineObject(engine, { name: 'ticket', fields: [{ name: 'subject', type: 'text', required: true }] });
    });
    after(() => engine.stop(true));

    it('refuses a webhook to loopback, private, link-local and other reserved addresses in every notation, and connects to none', async () => {
      const port = internal.port;
      const urls = [
        `http://127.0.0.1:${port}/a`,
        `http://2130706433:${port}/b`,
        `http://0x7f000001:${port}/c`,
        `http://127.1:${port}/d`,
        `http://0177.0.0.1:${port}/e`,
        `http://[::1]:${port}/f`,
        `http://[::ffff:127.0.0.1]:${port}/g`,
        `http://0.0.0.0:${port}/h`,
        'http://169.254.169.254/latest/meta-data/',
        'http://10.1.2.3/hooks',
        'http://172.16.0.1/hooks',
        'http://192.168.1.1/hooks',
        'http://100.64.0.1/hooks',
        'http://224.0.0.1/hooks',
        'http://[fe80::1]/hooks',
        'http://[fd00::1]/hooks',
      ];
      const ids = await engine.tenant.store.unitOfWork(async (tx) => Promise.all(urls.map((url) => queueWebhook(tx, { url, body: { n: 1 } }))));
      expect(await engine.jobs.runDue()).to.equal(urls.length);
      expect(internal.hits).to.deep.equal([]);
      for (const id of ids) {
        const call = await outboxCall(engine, id);
        expect(call.status, call.url).to.equal('pending');
        expect(call.lastError, call.url).to.match(/is not a public internet address .*WEBHOOK_ALLOWED_HOSTS/);
        expect(await jobError(engine, id)).to.equal(call.lastError);
      }
    });

    it('refuses a host name that resolves to loopback when the call is made, for a rule saved with it', async () => {
      const url = `http://localhost:${internal.port}/hooks/tickets`;
      const saved = await engine.request('POST', '/api/v1/meta/automation-rules', { name: 'tell_erp', object: 'ticket', actions: [{ webhook: { url } }] });
      expect(saved.status, JSON.stringify(saved.body)).to.equal(201);
      await createRecord(engine, 'ticket', { subject: 'VPN down' });
      expect(await engine.jobs.runDue()).to.equal(1);
      expect(internal.hits).to.deep.equal([]);
      const calls = (await engine.request('GET', '/api/v1/outbox/webhook')).body.calls as OutboxWebhook[];
      const call = calls.find((candidate) => candidate.url === url)!;
      expect(call).to.include({ status: 'pending' });
      expect(call.lastError).to.equal(`POST ${url} failed: 'localhost' is not a public internet address (loopback, private network, link-local or another reserved range): webhooks only call public addresses, unless the platform operator opens the host in WEBHOOK_ALLOWED_HOSTS`);
    });

    it('refuses, when saved, a webhook URL written as a non-public IP address in any notation, or with a user name and password', async () => {
      const webhookAt = (url: string) => ({ webhook: { url } });
      const rule = await engine.request('POST', '/api/v1/meta/automation-rules', {
        name: 'to_the_inside',
        object: 'ticket',
        actions: [webhookAt('http://2130706433/x'), webhookAt('http://0x7f000001/x'), webhookAt('http://[::1]/x'), webhookAt('http://169.254.169.254/x'), webhookAt('https://hooks.example.com/x'), webhookAt('https://user:secret@hooks.example.com/x')],
      });
      const details = expectError(rule, 400, 'validation_failed');
      expect(details.map((detail) => detail.path)).to.deep.equal(['/actions/0/webhook/url', '/actions/1/webhook/url', '/actions/2/webhook/url', '/actions/3/webhook/url', '/actions/5/webhook/url']);
      expect(details[0]!.message).to.equal(`'127.0.0.1' is not a public internet address (loopback, private network, link-local or another reserved range): webhooks only call public addresses, unless the platform operator opens the host in WEBHOOK_ALLOWED_HOSTS`);
      expect(details[4]!.message).to.match(/must not carry a user name or password/);

      const process = await engine.request('POST', '/api/v1/meta/approval-processes', {
        name: 'ticket_approval',
        object: 'ticket',
        steps: [{ name: 'lead', approvers: [{ user: engine.adminId }] }],
        onApprove: [webhookAt('http://127.1:8080/approved')],
      });
      expectError(process, 400, 'validation_failed');
      expect(detailPaths(process)).to.deep.equal(['/onApprove/0/webhook/url']);
    });
  });

  describe('with host names opened by the operator', () => {
    let engine: ConfiguredEngine;
    let refusing: LoopbackServer;
    let redirecting: LoopbackServer;
    before(async () => {
      refusing = await startServer(() => ({ status: 500 }));
      redirecting = await startServer(() => ({ status: 302, headers: { location: `http://127.0.0.1:${internal.port}/after-redirect` } }));
      engine = await startConfiguredEngine({ webhooks: { allowedHosts: ['localhost'] } });
    });
    after(async () => {
      await engine.stop(true);
      await refusing.close();
      await redirecting.close();
    });
    beforeEach(() => {
      internal.hits.length = 0;
    });

    it('delivers to an opened host name, and still refuses the same address under another spelling', async () => {
      const [opened, spelled] = await engine.tenant.store.unitOfWork(async (tx) => [
        await queueWebhook(tx, { url: `http://localhost:${internal.port}/opened`, body: {} }),
        await queueWebhook(tx, { url: `http://127.0.0.1:${internal.port}/spelled`, body: {} }),
      ]);
      expect(await engine.jobs.runDue()).to.equal(2);
      expect(internal.hits).to.deep.equal(['/opened']);
      expect(await outboxCall(engine, opened!)).to.include({ status: 'delivered', responseStatus: 200 });
      expect((await outboxCall(engine, spelled!)).lastError).to.match(/'127\.0\.0\.1' is not a public internet address/);
    });

    it('never repeats the body of a refusing answer in the outbox or the job', async () => {
      const url = `http://localhost:${refusing.port}/hooks`;
      const id = await engine.tenant.store.unitOfWork((tx) => queueWebhook(tx, { url, body: {} }));
      expect(await engine.jobs.runDue()).to.equal(1);
      expect(refusing.hits).to.deep.equal(['/hooks']);
      const call = await outboxCall(engine, id);
      expect(call).to.include({ status: 'pending', responseStatus: 500, lastError: `POST ${url} answered 500: the receiver did not accept the call` });
      expect(JSON.stringify(call)).not.to.contain('root:x');
      expect(await jobError(engine, id)).to.equal(call.lastError);
    });

    it('does not follow a redirect, so a receiver cannot send the call on to an internal address', async () => {
      const url = `http://localhost:${redirecting.port}/hooks`;
      const id = await engine.tenant.store.unitOfWork((tx) => queueWebhook(tx, { url, body: {} }));
      expect(await engine.jobs.runDue()).to.equal(1);
      expect(redirecting.hits).to.deep.equal(['/hooks']);
      expect(internal.hits).to.deep.equal([]);
      expect(await outboxCall(engine, id)).to.include({ status: 'pending', responseStatus: 302, lastError: `POST ${url} answered 302: redirects are not followed; give the final address of the receiver` });
    });
  });
});
