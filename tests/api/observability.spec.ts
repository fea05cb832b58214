import { expect } from 'chai';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../engine/http/create-app.js';
import { Readiness } from '../../engine/http/readiness.js';
import { createRecord, defineObject } from '../support/api-helpers.js';
import { startLoopbackReceiver, startLoopbackSmtp, type LoopbackReceiver, type LoopbackSmtp } from '../support/approval-loopback.js';
import { captureLogs } from '../support/console-capture.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123456789';
const OPERATOR_TOKEN = 'operator-token-for-the-tests-0123456789';

/** The value of one series of the Prometheus text, or undefined when the series is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const [series, value] = [line.slice(0, line.lastIndexOf(' ')), line.slice(line.lastIndexOf(' ') + 1)];
    if (Object.entries(labels).every(([key, wanted]) => series.includes(`${key}="${wanted}"`))) return Number(value);
  }
  return undefined;
}

/** Structured logs with a request id, /ready and /metrics over the real server. */
describe('observability: request ids, readiness and metrics', () => {
  let engine: ConfiguredEngine;
  let receiver: LoopbackReceiver;
  let smtp: LoopbackSmtp;
  const scrape = async (token = METRICS_TOKEN) => {
    const response = await fetch(`${engine.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  before(async () => {
    receiver = await startLoopbackReceiver();
    smtp = await startLoopbackSmtp();
    engine = await startConfiguredEngine({ http: { metricsToken: METRICS_TOKEN, operatorToken: OPERATOR_TOKEN, rateLimits: { apiPerMinute: 1_000_000 } }, mail: { smtpUrl: smtp.url } });
    await defineObject(engine, { name: 'ticket', fields: [{ name: 'title', type: 'text', required: true }, { name: 'priority', type: 'picklist', values: ['low', 'high'] }] });
    const rule = await engine.request('POST', '/api/v1/meta/automation-rules', {
      name: 'tell_the_ledger',
      object: 'ticket',
      condition: "priority = 'high'",
      actions: [
        { webhook: { url: `${receiver.url}/hooks/tickets`, body: '{"ticket": "{{_id}}"}' } },
        { email: { to: [{ user: engine.adminId }], subject: 'High: {{title}}', body: 'Ticket {{title}}.' } },
      ],
    });
    expect(rule.status, JSON.stringify(rule.body)).to.equal(201);
  });
  after(async () => {
    await engine.stop(true);
    await receiver.close();
    await smtp.close();
  });

  it("echoes the caller's X-Request-Id and logs the request under it, with the route template and status", async () => {
    const logs = captureLogs();
    let response: Response;
    try {
      response = await fetch(`${engine.url}/api/v1/records/ticket/0123456789abcdef01234567`, { headers: { authorization: `Bearer ${engine.token}`, 'x-request-id': 'trace-4711' } });
      await response.text();
    } finally {
      logs.restore();
    }
    expect(response.status).to.equal(404);
    expect(response.headers.get('x-request-id')).to.equal('trace-4711');
    const line = logs.entries.find((entry) => entry.msg === 'request' && entry.requestId === 'trace-4711');
    expect(line, JSON.stringify(logs.entries)).to.include({ method: 'GET', route: '/api/v1/records/:object/:id', status: '404', url: '/api/v1/records/ticket/0123456789abcdef01234567', level: 30 });
    expect(line!.ms).to.be.a('number');
  });

  it('gives a request without an id (or with one that could break a log or a header) a new one', async () => {
    const bare = await fetch(`${engine.url}/health`);
    expect(bare.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    const hostile = await fetch(`${engine.url}/health`, { headers: { 'x-request-id': 'a b"c' } });
    expect(hostile.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    expect(hostile.headers.get('x-request-id')).to.not.equal(bare.headers.get('x-request-id'));
  });

  it('carries the request id into the jobs the request enqueued and into the webhook and e-mail they send', async () => {
    const created = await engine.request('POST', '/api/v1/records/ticket', { title: 'Ledger down', priority: 'high' }, { 'x-request-id': 'create-ticket-42' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const jobs = await engine.tenant.store.collection('jobs').find({ requestId: 'create-ticket-42' });
    expect(jobs.map((job) => job.kind).sort()).to.deep.equal(['email.deliver', 'webhook.deliver']);
    const logs = captureLogs();
    try {
      await engine.jobs.runDue();
    } finally {
      logs.restore();
    }
    const call = receiver.calls.find((candidate) => candidate.path === '/hooks/tickets');
    expect(call?.headers['x-request-id']).to.equal('create-ticket-42');
    const mail = smtp.received.find((received) => received.mail.subject === 'High: Ledger down');
    expect(mail?.mail.headers.get('x-request-id')).to.equal('create-ticket-42');
  });

  it('answers /health (liveness, saying whether units of work are transactions) and /ready without credentials', async () => {
    const health = await engine.request('GET', '/health', undefined, { authorization: '' });
    expect(health.body).to.deep.equal({ status: 'ok', store: 'embedded', transactional: true });
    const ready = await engine.request('GET', '/ready', undefined, { authorization: '' });
    expect(ready.status).to.equal(200);
    expect(ready.body).to.deep.equal({ status: 'ready', store: 'embedded' });
  });

  it('answers /ready 503 while the engine starts and once it stops, and every API route 503 with Retry-After meanwhile; /health stays 200', async () => {
    const readiness = new Readiness();
    const server: Server = await new Promise((resolve) => {
      const listening = createApp(engine.platform, {}, readiness).listen(0, '127.0.0.1', () => resolve(listening));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (path: string) => {
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${engine.token}` } });
      return { status: response.status, headers: response.headers, body: (await response.json()) as { status?: string; error?: { code: string } } };
    };
    try {
      const ready = await get('/ready');
      expect(ready.status).to.equal(503);
      expect(ready.body.error?.code).to.equal('starting');
      const starting = await get('/api/v1/records/ticket');
      expect(starting.status).to.equal(503);
      expect(starting.headers.get('retry-after')).to.equal('5');
      expect((await get('/health')).status).to.equal(200);
      readiness.ready();
      expect((await get('/ready')).status).to.equal(200);
      expect((await get('/api/v1/records/ticket')).status).to.equal(200);
      readiness.stopping();
      expect((await get('/ready')).body.error?.code).to.equal('stopping');
      const stopping = await get('/api/v1/records/ticket');
      expect(stopping.status).to.equal(503);
      expect(stopping.headers.get('connection')).to.equal('close');
      expect((await get('/health')).status).to.equal(200);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("keeps /metrics from tenants' users: a user's API token is refused, the metrics or operator token opens it", async () => {
    expect((await scrape(engine.token)).status).to.equal(403);
    const none = await fetch(`${engine.url}/metrics`);
    expect(none.status).to.equal(401);
    expect((await scrape(OPERATOR_TOKEN)).status).to.equal(200);
    const metrics = await scrape();
    expect(metrics.status).to.equal(200);
    expect(metrics.type).to.match(/^text\/plain/);
  });

  it('exposes the metric names, and their values move with requests, writes and jobs', async () => {
    const before = (await scrape()).text;
    for (const name of [
      'crm_http_requests_total',
      'crm_http_request_duration_seconds_bucket',
      'crm_store_operation_duration_seconds_bucket',
      'crm_jobs',
      'crm_outbox_pending',
      'crm_nodejs_eventloop_lag_seconds',
      'crm_nodejs_eventloop_lag_p99_seconds',
      'crm_process_resident_memory_bytes',
      'crm_nodejs_heap_size_used_bytes',
    ]) {
      expect(sample(before, name), name).to.be.a('number');
    }
    const route = { method: 'POST', route: '/api/v1/records/:object', status: '201' };
    const createsBefore = sample(before, 'crm_http_requests_total', route) ?? 0;
    const unitsBefore = sample(before, 'crm_store_operation_duration_seconds_count', { store: 'embedded', operation: 'unitOfWork' }) ?? 0;
    const dueBefore = sample(before, 'crm_jobs', { status: 'due' })!;
    const webhooksBefore = sample(before, 'crm_outbox_pending', { outbox: 'webhook' })!;
    for (const title of ['One', 'Two', 'Three']) await createRecord(engine, 'ticket', { title, priority: 'high' });
    const after = (await scrape()).text;
    expect(sample(after, 'crm_http_requests_total', route)).to.equal(createsBefore + 3);
    expect(sample(after, 'crm_http_request_duration_seconds_count', route)).to.equal(createsBefore + 3);
    expect(sample(after, 'crm_store_operation_duration_seconds_count', { store: 'embedded', operation: 'unitOfWork' })).to.be.at.least(unitsBefore + 3);
    // Each high ticket queues a webhook call and an e-mail, each with its delivery job (the job loop is stopped here).
    expect(sample(after, 'crm_jobs', { status: 'due' })).to.equal(dueBefore + 6);
    expect(sample(after, 'crm_outbox_pending', { outbox: 'webhook' })).to.equal(webhooksBefore + 3);
    // One series per route template, never per record id.
    expect(after).to.not.match(/route="\/api\/v1\/records\/ticket/);
    await engine.jobs.runDue();
    const delivered = (await scrape()).text;
    expect(sample(delivered, 'crm_jobs', { status: 'due' })).to.equal(dueBefore);
    expect(sample(delivered, 'crm_outbox_pending', { outbox: 'webhook' })).to.equal(0);
  });
});
