import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { log } from '../../observability/index.js';

/** How often the worker checkpoints every file it holds: a WAL never holds much more than this long of writes. */
const CHECKPOINT_EVERY_MS = 500;
/** How long closing a file waits for the worker to let go of it. */
const RELEASE_WAIT_MS = 5_000;
/**
 * What a WAL file is cut back to when it starts over. Writes that never pause (a bulk load) grow
 * the WAL with them: a checkpoint that does not hold the writer up always finds newer frames than
 * it copied, and SQLite starts a WAL over only after one that copied them all. Without a limit the
 * file kept its largest size, as disk space, for as long as the store stayed open.
 */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The worker's code, plain CommonJS evaluated as is: no loader (tsx) is needed in the worker, and the
 * same code runs under tsx and from compiled output. It keeps one connection per file and runs a
 * PASSIVE checkpoint when asked: it copies what it can from the WAL into the database and fsyncs,
 * never waiting for the writer nor holding it up.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const open = new Map();
function drop(path, error) {
  try { open.get(path)?.close(); } catch {}
  open.delete(path);
  parentPort.postMessage({ type: 'dropped', path, message: String((error && error.message) || error) });
}
setInterval(() => {
  for (const [path, db] of open) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      drop(path, error);
    }
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message.type === 'hold') {
    try {
      if (!open.has(message.path)) open.set(message.path, new Database(message.path, { fileMustExist: true, timeout: 0 }));
    } catch (error) {
      drop(message.path, error);
    }
  } else if (message.type === 'restart') {
    // Waits (up to restartWaitMs) for the file's readers to leave the WAL, so that the next write starts it over.
    let done = false;
    const db = open.get(message.path);
    if (db) {
      try {
        db.pragma('busy_timeout = ' + workerData.restartWaitMs);
        done = db.pragma('wal_checkpoint(RESTART)')[0].busy === 0;
        db.pragma('busy_timeout = 0');
      } catch (error) {
        drop(message.path, error);
      }
    }
    parentPort.postMessage({ type: 'restarted', path: message.path, done });
  } else if (message.type === 'release') {
    try { open.get(message.path)?.close(); } catch {}
    open.delete(message.path);
    parentPort.postMessage({ type: 'released', path: message.path });
  }
});
`;

type WorkerMessage = { type: 'released'; path: string } | { type: 'restarted'; path: string; done: boolean } | { type: 'dropped'; path: string; message: string };

/** How long a restart waits for the readers of the WAL (the engine's own, between two statements) before it gives up for this time. */
const RESTART_WAIT_MS = 1_000;

/** What the checkpoints need of a file: its path, and a way back to SQLite's own checkpoints. */
export interface CheckpointedFile {
  readonly path: string;
  /** Called when the worker is gone: the file's connection checkpoints itself again, as SQLite does by default. */
  checkpointInline(): void;
}

/**
 * SQLite checkpoints a WAL file on the connection whose commit made it pass 1,000 pages: copying
 * 4 MiB into the database file and fsyncing it, 10 to 30 ms on this machine, inside that commit on
 * the event loop, once every few hundred writes. Here a worker thread, with its own connection to
 * each file, checkpoints every file twice a second instead (a WAL with nothing new costs it
 * nothing), so no request and no backfill batch waits for one.
 * Durability does not change: a commit is in the WAL when it returns, as before (a checkpoint only
 * moves committed pages into the database file). If the worker cannot start or stops, every file
 * goes back to checkpointing itself; a file it cannot open or checkpoint does.
 */
export class WalCheckpoints {
  private worker: Worker | undefined;
  private failed = false;
  private readonly files = new Map<string, CheckpointedFile>();
  private readonly releases = new Map<string, () => void>();
  private readonly restarts = new Map<string, (done: boolean) => void>();

  /** Whether the worker takes a new file's checkpoints; false: the file keeps SQLite's own. */
  register(file: CheckpointedFile): boolean {
    if (!this.start()) return false;
    this.files.set(file.path, file);
    this.worker!.postMessage({ type: 'hold', path: file.path });
    return true;
  }

  /** The worker closes its connection to the file; then the file's own close can checkpoint and remove the WAL. */
  async release(path: string): Promise<void> {
    if (!this.files.delete(path) || !this.worker) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, RELEASE_WAIT_MS);
      const releases = this.releases;
      function done() {
        clearTimeout(timer);
        releases.delete(path);
        resolve();
      }
      this.releases.set(path, done);
      this.worker!.postMessage({ type: 'release', path });
    });
  }

  /**
   * A checkpoint that copies the whole WAL into the database, for the caller to start the WAL over:
   * the twice-a-second checkpoints never hold the writer up, so under writes that never pause each
   * finds newer frames than it copied and the WAL only grows (2.1 GB beside a 150 MB database in
   * the business-logic benchmark, every page read searching its index). The caller holds its writes
   * until this resolves: true when the WAL was copied whole, false when not (no worker, busy).
   */
  restart(path: string): Promise<boolean> {
    if (!this.worker || !this.files.has(path) || this.restarts.has(path)) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), RESTART_WAIT_MS + RELEASE_WAIT_MS);
      const restarts = this.restarts;
      function done(copied: boolean) {
        clearTimeout(timer);
        restarts.delete(path);
        resolve(copied);
      }
      this.restarts.set(path, done);
      this.worker!.postMessage({ type: 'restart', path });
    });
  }

  private start(): boolean {
    if (this.failed) return false;
    if (this.worker) return true;
    try {
      const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { betterSqlite3, everyMs: CHECKPOINT_EVERY_MS, restartWaitMs: RESTART_WAIT_MS } });
      worker.on('message', (message: WorkerMessage) => this.answer(message));
      worker.on('error', (error) => this.giveUp(error));
      worker.on('exit', () => {
        if (this.worker === worker) this.giveUp(new Error('the checkpoint worker exited'));
      });
      // Unref'd so it never keeps the process alive, and only after the listeners: a Worker refs itself again when
      // its first 'message' listener is added (node 20), which kept every process that opened a store from exiting.
      worker.unref();
      this.worker = worker;
      return true;
    } catch (error) {
      this.giveUp(error);
      return false;
    }
  }

  /** A file the worker could not open or checkpoint goes back to checkpointing itself. */
  private answer(message: WorkerMessage): void {
    if (message.type === 'released') {
      this.releases.get(message.path)?.();
      return;
    }
    if (message.type === 'restarted') {
      this.restarts.get(message.path)?.(message.done);
      return;
    }
    const file = this.files.get(message.path);
    if (!file) return;
    log.error(`store: the checkpoint worker let go of ${message.path}, which checkpoints itself again: ${message.message}`);
    this.files.delete(message.path);
    file.checkpointInline();
  }

  private giveUp(error: unknown): void {
    log.error({ err: error }, 'store: no checkpoint worker; each file checkpoints itself again');
    this.failed = true;
    this.worker = undefined;
    for (const file of this.files.values()) file.checkpointInline();
    this.files.clear();
    for (const done of this.releases.values()) done();
    for (const done of this.restarts.values()) done(false);
  }
}

/** One worker per process, for the files of every tenant. */
export const walCheckpoints = new WalCheckpoints();
