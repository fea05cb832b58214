import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAllServers, startServer, type ServerExit, type ServerProcess } from './server-process.js';
import { LoopbackClient } from './loopback-client.js';

/**
 * The embedded store's durability promise, end to end: a write the API acknowledged survives the
 * server being killed with SIGKILL mid-stream. Each trial runs the real server in a child process
 * on a fresh data directory, loads it with concurrent creates and updates, kills it at a random
 * moment, restarts it on the same directory and checks every acknowledged write.
 */

const TRIALS = Math.max(5, Number(process.env.CRASH_TRIALS ?? 5) || 5);
const CONCURRENCY = 16;
const KILL_AFTER_MS = { min: 300, max: 1200 };
/**
 * The kill waits, past its random moment if need be, until this many creates were acknowledged:
 * on a busy 2-core machine the first few hundred milliseconds after start-up can be slow.
 */
const MIN_ACKNOWLEDGED = 60;
const MAX_WAIT_FOR_LOAD_MS = 20_000;
/** Share of a worker's requests that update one of its own acknowledged records. */
const UPDATE_SHARE = 0.25;

const OBJECT = {
  name: 'ticket',
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'n', type: 'number' },
    { name: 'number', type: 'autonumber', format: 'T-{00000}' },
  ],
};

/** A record one worker created, with what the server acknowledged and what is still unanswered. */
interface Tracked {
  id: string;
  title: string;
  number: string;
  /** The last acknowledged state: version and value of n. */
  version: number;
  n: number;
  /** An update sent but never answered because the server died: it may or may not be stored. */
  pending?: { n: number };
}

interface LoadResult {
  acknowledged: Tracked[];
  acknowledgedUpdates: number;
  /** Titles of creates sent but never answered (they may or may not be stored). */
  unansweredCreates: Set<string>;
  unansweredUpdates: number;
  inFlightAtKill: number;
  /** In-flight requests whose answer was already on its way when the signal went out: acknowledged all the same. */
  answeredAfterKill: number;
  /** Failures that are not the kill's doing: any HTTP error, or a network error before the kill. */
  unexpected: string[];
  killedAfterMs: number;
}

interface StoredTicket {
  _id: string;
  _version: number;
  title: string;
  n?: number;
  number: string;
}

/** The client of the trial: keep-alive connections and the first administrator's session, which outlives the restart. */
let client = new LoopbackClient();

function numberOf(autonumber: string): number {
  const match = /^T-(\d+)$/.exec(autonumber);
  if (!match) throw new Error(`not an auto-number of the form T-00000: '${autonumber}'`);
  return Number(match[1]);
}

/**
 * CONCURRENCY workers create tickets and update their own acknowledged tickets in a loop. After
 * `killAfterMs` (and once the load is real), the next request a worker sends is followed at once
 * by SIGKILL. Resolves once the server is gone and every worker has stopped.
 */
async function loadAndKill(server: ServerProcess, killAfterMs: number): Promise<LoadResult> {
  const result: LoadResult = {
    acknowledged: [],
    acknowledgedUpdates: 0,
    unansweredCreates: new Set(),
    unansweredUpdates: 0,
    inFlightAtKill: 0,
    answeredAfterKill: 0,
    unexpected: [],
    killedAfterMs: killAfterMs,
  };
  const started = Date.now();
  let inFlight = 0;
  // a server that dies by itself ends the load at once (and fails the trial below)
  let gone = false;
  void server.exited.then(() => (gone = true));
  let enoughLoad!: () => void;
  const loaded = new Promise<void>((resolve) => (enoughLoad = resolve));

  // Once armed, SIGKILL goes out the moment a request has been written: the server always has
  // unanswered work then, even when the client was slow to read answers already on their way.
  let armed = false;
  let killed = false;
  let exit: Promise<ServerExit> | undefined;
  let signalled!: () => void;
  const killSent = new Promise<void>((resolve) => (signalled = resolve));
  const afterSend = () => {
    if (!armed || killed) return;
    killed = true;
    result.inFlightAtKill = inFlight;
    result.killedAfterMs = Date.now() - started;
    exit = server.kill();
    signalled();
  };

  const worker = async (w: number) => {
    const own: Tracked[] = [];
    for (let seq = 0; !killed && !gone; seq++) {
      const target = own.length > 0 && Math.random() < UPDATE_SHARE ? own[Math.floor(Math.random() * own.length)]! : undefined;
      const title = `w${w}-${seq}`;
      const n = seq * 1000 + w;
      if (target) target.pending = { n };
      inFlight++;
      try {
        if (target) {
          const response = await client.call(server.url, 'PATCH', `/api/v1/records/ticket/${target.id}`, { n }, afterSend);
          if (response.status !== 200) {
            result.unexpected.push(`PATCH ${target.id} answered ${response.status}: ${JSON.stringify(response.body)}`);
            continue;
          }
          if (response.body._version !== target.version + 1 || response.body.n !== n) {
            result.unexpected.push(`PATCH ${target.id} acknowledged ${JSON.stringify(response.body)} after version ${target.version}`);
          }
          target.version = response.body._version;
          target.n = n;
          delete target.pending;
          result.acknowledgedUpdates++;
          if (killed) result.answeredAfterKill++;
        } else {
          const response = await client.call(server.url, 'POST', '/api/v1/records/ticket', { title, n }, afterSend);
          if (response.status !== 201) {
            result.unexpected.push(`POST answered ${response.status}: ${JSON.stringify(response.body)}`);
            continue;
          }
          const record = response.body as StoredTicket;
          const tracked: Tracked = { id: record._id, title, number: record.number, version: record._version, n };
          own.push(tracked);
          result.acknowledged.push(tracked);
          if (result.acknowledged.length >= MIN_ACKNOWLEDGED) enoughLoad();
          if (killed) result.answeredAfterKill++;
        }
      } catch (error) {
        // A request the kill cut off: its write may or may not have been committed.
        if (!killed) result.unexpected.push(`${target ? 'PATCH' : 'POST'} failed before the kill: ${String(error)}`);
        if (target) result.unansweredUpdates++;
        else result.unansweredCreates.add(title);
      } finally {
        inFlight--;
      }
    }
  };

  const workers = Array.from({ length: CONCURRENCY }, (_, w) => worker(w));
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  let giveUp: NodeJS.Timeout | undefined;
  await Promise.race([loaded, server.exited, new Promise((resolve) => (giveUp = setTimeout(resolve, MAX_WAIT_FOR_LOAD_MS)))]);
  clearTimeout(giveUp);
  armed = true;
  await Promise.race([killSent, server.exited]);
  const ended = await (exit ?? server.exited);
  expect(ended.signal, `the server died of SIGKILL, not on its own:\n${server.output()}`).to.equal('SIGKILL');
  await Promise.all(workers);
  return result;
}

describe('kill -9 on the embedded store', function () {
  // Two server starts per trial, each allowed a minute on a busy machine, and the load between them.
  this.timeout(180_000);
  this.slow(15_000);

  let dataDir: string | undefined;

  beforeEach(function () {
    client = new LoopbackClient();
  });

  afterEach(async function () {
    client.close();
    await killAllServers();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  after(killAllServers);

  for (let trial = 1; trial <= TRIALS; trial++) {
    it(`keeps every acknowledged create and update after SIGKILL mid-stream (trial ${trial} of ${TRIALS})`, async function () {
      dataDir = mkdtempSync(join(tmpdir(), 'crm-crash-'));

      // a fresh server, one object with an auto-number
      const first = await startServer({ dataDir });
      await client.signIn(first.url);
      const defined = await client.call(first.url, 'POST', '/api/v1/meta/objects', OBJECT);
      expect(defined.status, JSON.stringify(defined.body)).to.equal(201);

      // concurrent creates and updates, then SIGKILL at a random moment
      const killAfterMs = KILL_AFTER_MS.min + Math.floor(Math.random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min));
      const load = await loadAndKill(first, killAfterMs);
      const unanswered = load.unansweredCreates.size + load.unansweredUpdates;

      // the same data directory, a new process
      const second = await startServer({ dataDir });
      const { records, total } = await client.listAll<StoredTicket>(second.url, 'ticket');
      const stored = new Map(records.map((record) => [record._id, record]));

      console.log(
        `      trial ${trial}: killed after ${load.killedAfterMs} ms (drawn: ${killAfterMs} ms) with ${load.inFlightAtKill} requests in flight; ` +
          `acknowledged ${load.acknowledged.length} creates and ${load.acknowledgedUpdates} updates (${load.answeredAfterKill} of them read only after the kill); ` +
          `${load.unansweredCreates.size} creates and ${load.unansweredUpdates} updates cut off; ${total} records after restart`,
      );

      // the trial exercised what it claims to: real load, and a kill that cut requests off
      expect(load.unexpected, 'failures not caused by the kill').to.deep.equal([]);
      expect(load.acknowledged.length, 'acknowledged creates').to.be.greaterThan(50);
      expect(unanswered, 'requests the kill cut off').to.be.greaterThan(0);

      // every acknowledged create is there with the acknowledged values; each update is there or newer
      const problems: string[] = [];
      for (const ack of load.acknowledged) {
        const record = stored.get(ack.id);
        if (!record) {
          problems.push(`${ack.id} (${ack.title}, version ${ack.version}) is missing`);
          continue;
        }
        if (record.title !== ack.title || record.number !== ack.number) {
          problems.push(`${ack.id}: stored ${record.title}/${record.number}, acknowledged ${ack.title}/${ack.number}`);
        }
        const asAcknowledged = record._version === ack.version && record.n === ack.n;
        const asCutOff = ack.pending !== undefined && record._version === ack.version + 1 && record.n === ack.pending.n;
        if (!asAcknowledged && !asCutOff) {
          problems.push(
            `${ack.id}: stored version ${record._version} n=${record.n}, acknowledged version ${ack.version} n=${ack.n}` +
              (ack.pending ? ` (cut-off update n=${ack.pending.n})` : ''),
          );
        }
      }
      expect(problems.length, `acknowledged writes lost or changed, of ${load.acknowledged.length}; the first:\n${problems.slice(0, 20).join('\n')}`).to.equal(0);

      // nothing else: only creates the kill cut off may have been stored besides the acknowledged ones
      const acknowledgedIds = new Set(load.acknowledged.map((ack) => ack.id));
      const extras = records.filter((record) => !acknowledgedIds.has(record._id));
      expect(extras.filter((record) => !load.unansweredCreates.has(record.title)).map((record) => record.title), 'records nobody created').to.deep.equal([]);
      expect(records.length, 'records listed').to.equal(total);
      expect(total).to.be.at.least(load.acknowledged.length);
      expect(total).to.be.at.most(load.acknowledged.length + load.unansweredCreates.size);

      // a few reads by id agree with the list
      for (const ack of load.acknowledged.slice(0, 10)) {
        const one = await client.call(second.url, 'GET', `/api/v1/records/ticket/${ack.id}`);
        expect(one.status).to.equal(200);
        expect(one.body).to.deep.include({ _id: ack.id, title: ack.title, number: ack.number });
      }

      // auto-numbers stay distinct, and the counter carries on past every stored number
      const numbers = records.map((record) => numberOf(record.number));
      expect(new Set(numbers).size, 'distinct auto-numbers').to.equal(numbers.length);
      const next = await client.call(second.url, 'POST', '/api/v1/records/ticket', { title: 'after restart' });
      expect(next.status, JSON.stringify(next.body)).to.equal(201);
      expect(numberOf(next.body.number)).to.be.greaterThan(Math.max(0, ...numbers));

      const exit = await second.stop();
      expect(exit.code, `clean shutdown:\n${second.output()}`).to.equal(0);
    });
  }
});
