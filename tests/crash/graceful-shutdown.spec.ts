import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoopbackClient } from './loopback-client.js';
import { killAllServers, startServer, type ServerExit, type ServerProcess } from './server-process.js';

/**
 * SIGTERM under load, with the real server in a child process: it stops taking requests, answers
 * those it was running, lets the running job finish, closes the store and exits 0 within
 * SHUTDOWN_GRACE_MS. After a restart every acknowledged write is there, and no request that went
 * unanswered was carried out.
 */

const GRACE_MS = 8_000;
/** Beyond the grace period: the time a process takes to close its files and exit. */
const EXIT_MARGIN_MS = 3_000;
const CONCURRENCY = 16;
const MIN_ACKNOWLEDGED = 80;
/** The webhook receiver holds its answer this long: the delivery job is still running when SIGTERM comes. */
const SLOW_RECEIVER_MS = 2_000;

interface Ticket {
  _id: string;
  _version: number;
  title: string;
  n?: number;
}

interface Tracked {
  id: string;
  title: string;
  version: number;
  n: number;
}

/** A webhook receiver that answers 204 after SLOW_RECEIVER_MS; `arrived` resolves with the first call. */
async function slowReceiver(): Promise<{ url: string; calls: number; arrived: Promise<void>; close(): Promise<void> }> {
  let signal!: () => void;
  const state = { calls: 0, arrived: new Promise<void>((resolve) => (signal = resolve)) };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.calls++;
      signal();
      setTimeout(() => res.writeHead(204).end(), SLOW_RECEIVER_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    get calls() {
      return state.calls;
    },
    arrived: state.arrived,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('graceful shutdown of the embedded store under load', function () {
  this.timeout(180_000);
  this.slow(20_000);
  let dataDir: string;
  let client: LoopbackClient;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-shutdown-'));
    client = new LoopbackClient();
  });
  afterEach(async () => {
    client.close();
    await killAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the requests it was running, finishes the running job, loses no acknowledged write and exits 0 within SHUTDOWN_GRACE_MS', async () => {
    const receiver = await slowReceiver();
    const env = { SHUTDOWN_GRACE_MS: String(GRACE_MS), WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', JOB_POLL_MS: '50' };
    const first: ServerProcess = await startServer({ dataDir, env });
    try {
      await client.signIn(first.url);
      const defined = await client.call(first.url, 'POST', '/api/v1/meta/objects', { name: 'ticket', fields: [{ name: 'title', type: 'text', required: true }, { name: 'n', type: 'number' }] });
      expect(defined.status, JSON.stringify(defined.body)).to.equal(201);
      const rule = await client.call(first.url, 'POST', '/api/v1/meta/automation-rules', {
        name: 'tell_the_ledger',
        object: 'ticket',
        condition: "title = 'slow'",
        actions: [{ webhook: { url: receiver.url, body: '{"ticket": "{{_id}}"}' } }],
      });
      expect(rule.status, JSON.stringify(rule.body)).to.equal(201);

      const acknowledged: Tracked[] = [];
      const cutOff = new Set<string>();
      const refused = new Set<string>();
      const unexpected: string[] = [];
      let signalled = false;
      let answeredAfterSignal = 0;
      let enough!: () => void;
      const loaded = new Promise<void>((resolve) => (enough = resolve));
      const worker = async (w: number) => {
        const own: Tracked[] = [];
        for (let seq = 0; ; seq++) {
          const target = own.length > 0 && seq % 4 === 3 ? own[seq % own.length]! : undefined;
          const title = `w${w}-${seq}`;
          const n = seq * 100 + w;
          const sentAfterSignal = signalled;
          try {
            const response = target
              ? await client.call(first.url, 'PATCH', `/api/v1/records/ticket/${target.id}`, { n })
              : await client.call(first.url, 'POST', '/api/v1/records/ticket', { title, n });
            if (response.status === 503 && signalled) {
              // Refused by the shutdown: not carried out.
              if (!target) refused.add(title);
              return;
            }
            if (response.status !== (target ? 200 : 201)) {
              unexpected.push(`${target ? 'PATCH' : 'POST'} answered ${response.status}: ${JSON.stringify(response.body)}`);
              return;
            }
            if (signalled && !sentAfterSignal) answeredAfterSignal++;
            if (target) {
              target.version = response.body._version;
              target.n = n;
            } else {
              const tracked = { id: response.body._id, title, version: response.body._version, n };
              own.push(tracked);
              acknowledged.push(tracked);
              if (acknowledged.length >= MIN_ACKNOWLEDGED) enough();
            }
          } catch (error) {
            // The server closed the connection before reading the request (it was idle to the server): not carried out.
            if (!signalled) unexpected.push(`${target ? 'PATCH' : 'POST'} failed before the signal: ${String(error)}`);
            if (!target) cutOff.add(title);
            return;
          }
        }
      };
      const workers = Array.from({ length: CONCURRENCY }, (_, w) => worker(w));
      await loaded;
      // The delivery job starts, and is still waiting for the receiver's answer when the signal comes.
      const slow = await client.call(first.url, 'POST', '/api/v1/records/ticket', { title: 'slow' });
      expect(slow.status).to.equal(201);
      await receiver.arrived;

      const signalledAt = Date.now();
      signalled = true;
      const exit: ServerExit = await first.stop(GRACE_MS + EXIT_MARGIN_MS + 5_000);
      const tookMs = Date.now() - signalledAt;
      await Promise.all(workers);
      console.log(`      SIGTERM with ${CONCURRENCY} writers: exited ${exit.code} after ${tookMs} ms; ${acknowledged.length} creates acknowledged, ${answeredAfterSignal} requests answered after the signal, ${refused.size} refused with 503, ${cutOff.size} cut off unread`);

      expect(exit, first.output()).to.deep.equal({ code: 0, signal: null });
      expect(tookMs, 'time from SIGTERM to exit').to.be.below(GRACE_MS + EXIT_MARGIN_MS);
      // Stopping took the time the running job needed (the receiver's answer), not the whole grace period.
      expect(tookMs).to.be.below(GRACE_MS);
      expect(unexpected).to.deep.equal([]);
      expect(answeredAfterSignal, 'requests running at the signal, answered during the shutdown').to.be.greaterThan(0);

      const second = await startServer({ dataDir });
      const { records } = await client.listAll<Ticket>(second.url, 'ticket');
      const stored = new Map(records.map((record) => [record._id, record]));
      const lost = acknowledged.filter((ack) => {
        const record = stored.get(ack.id);
        return !record || record.title !== ack.title || record._version !== ack.version || record.n !== ack.n;
      });
      expect(lost.map((ack) => `${ack.title} v${ack.version}: ${JSON.stringify(stored.get(ack.id))}`), 'acknowledged writes lost or changed').to.deep.equal([]);
      const ghosts = records.filter((record) => cutOff.has(record.title) || refused.has(record.title)).map((record) => record.title);
      expect(ghosts, 'requests refused or cut off, yet carried out').to.deep.equal([]);
      expect(records.length).to.equal(acknowledged.length + 1);

      // The job that was running finished before the store closed: the call is delivered, once.
      const outbox = await client.call(second.url, 'GET', '/api/v1/outbox/webhook');
      expect(outbox.body.calls.map((call: { status: string }) => call.status)).to.deep.equal(['delivered']);
      expect(receiver.calls).to.equal(1);
      expect((await second.stop()).code).to.equal(0);
    } finally {
      await receiver.close();
    }
  });
});
