import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { expect } from 'chai';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

/** A caller's trace: trace id and span id as a `traceparent` header carries them (sampled). */
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

describe('OpenTelemetry traces, when an SDK is registered (docs/operations.md, Traces)', function () {
  this.timeout(60_000);
  const exporter = new InMemorySpanExporter();
  let engine: ConfiguredEngine;
  let receiver: Server;
  let receiverUrl = '';
  const received: IncomingHttpHeaders[] = [];
  const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  before(async () => {
    // What an operator's --import script does with the SDK of their choice (here in memory).
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    receiver = createServer((req, res) => {
      received.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/traced`;
    engine = await startConfiguredEngine();
    const object = await engine.request('POST', '/api/v1/meta/objects', { name: 'traced_case', fields: [{ name: 'subject', type: 'text', required: true }] });
    expect(object.status, JSON.stringify(object.body)).to.equal(201);
    const rule = await engine.request('POST', '/api/v1/meta/automation-rules', {
      name: 'tell_the_ledger',
      object: 'traced_case',
      on: 'create',
      actions: [{ webhook: { url: receiverUrl, body: '{"case": "{{_id}}"}' } }],
    });
    expect(rule.status, JSON.stringify(rule.body)).to.equal(201);
  });
  after(async () => {
    await engine?.stop(true);
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it("makes each request a server span named by its route, child of the caller's traceparent", async () => {
    exporter.reset();
    const created = await engine.request('POST', '/api/v1/records/traced_case', { subject: 'printer on fire' }, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`, 'x-request-id': 'req-traced-1' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const span = spans().find((candidate) => candidate.name === 'POST /api/v1/records/:object');
    expect(span, spans().map((candidate) => candidate.name).join(', ')).to.not.equal(undefined);
    expect(span!.spanContext().traceId).to.equal(CALLER_TRACE);
    expect(parentOf(span!)).to.equal(CALLER_SPAN);
    expect(span!.attributes).to.include({ 'http.route': '/api/v1/records/:object', 'http.response.status_code': 201, 'crm.request_id': 'req-traced-1' });
    // Its webhook goes now, so that the next test meets only the job of its own request.
    await engine.jobs.runDue();
  });

  it("runs the job a request enqueued as a span of the request's trace, and passes the trace on to the webhook's receiver", async () => {
    exporter.reset();
    received.length = 0;
    const created = await engine.request('POST', '/api/v1/records/traced_case', { subject: 'paper jam' }, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const request = spans().find((candidate) => candidate.name === 'POST /api/v1/records/:object')!;
    await engine.jobs.runDue();
    const job = spans().find((candidate) => candidate.name.startsWith('job '));
    expect(job, spans().map((candidate) => candidate.name).join(', ')).to.not.equal(undefined);
    expect(job!.spanContext().traceId).to.equal(CALLER_TRACE);
    expect(parentOf(job!)).to.equal(request.spanContext().spanId);
    expect(received).to.have.length(1);
    const traceparent = String(received[0]!.traceparent);
    expect(traceparent.split('-')[1]).to.equal(CALLER_TRACE);
    expect(traceparent.split('-')[2]).to.equal(job!.spanContext().spanId);
  });

  it('marks a request answered 5xx and a failed job attempt as errors', async () => {
    exporter.reset();
    receiver.removeAllListeners('request');
    receiver.on('request', (req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(503).end());
    });
    expect((await engine.request('POST', '/api/v1/records/traced_case', { subject: 'down' })).status).to.equal(201);
    await engine.jobs.runDue();
    const job = spans().find((candidate) => candidate.name.startsWith('job '))!;
    expect(job.status.code).to.equal(2);
    expect(job.status.message).to.contain('answered 503');
  });
});
