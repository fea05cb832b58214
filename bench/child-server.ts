import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CpuTime } from './measure.js';
import type { ProfileSummary } from './profile.js';
import type { ChildMessage, GcPauses, ParentMessage, ServerKind } from './server-process.js';

const ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url));

/** A server under test in its own process, driven over IPC. */
export class ChildServer {
  private constructor(
    readonly kind: ServerKind,
    readonly url: string,
    private readonly child: ChildProcess,
    /** The platform's API token; undefined for the baseline, which has no authentication. */
    readonly token?: string,
  ) {}

  /** What every request to this server carries: `Authorization: Bearer <token>` on the platform, nothing on the baseline. */
  get headers(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  /** Forks the server the same way for both kinds: node with tsx, production mode, same data directory. */
  static start(kind: ServerKind, dataDir: string): Promise<ChildServer> {
    const child = fork(ENTRY, [kind], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, NODE_ENV: 'production', BENCH_DATA_DIR: dataDir },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the ${kind} server exited with code ${code} before it was ready`)));
      child.once('message', (message: ChildMessage) => {
        if (message.type === 'ready') {
          child.removeAllListeners('exit');
          if (kind === 'platform' && !message.token) {
            child.kill('SIGKILL');
            reject(new Error('the platform server sent no API token'));
          } else {
            resolve(new ChildServer(kind, message.url, child, message.token));
          }
        }
      });
    });
  }

  /**
   * The platform must refuse `path` without the token and answer it with the token: the bench then
   * measures authenticated requests, not a server that lets anyone in nor one that refuses the bench.
   */
  async checkAuthentication(path: string): Promise<void> {
    if (this.kind !== 'platform') return;
    const without = await fetch(`${this.url}${path}`);
    await without.arrayBuffer();
    if (without.status !== 401) throw new Error(`GET ${path} without a token answered ${without.status}, not 401: is authentication off?`);
    const withToken = await fetch(`${this.url}${path}`, { headers: this.headers });
    if (!withToken.ok) throw new Error(`GET ${path} with the bench's token answered ${withToken.status}: ${await withToken.text()}`);
    await withToken.arrayBuffer();
  }

  async memory(): Promise<{ rss: number; heapUsed: number }> {
    const reply = await this.ask({ type: 'memory' }, 'memory');
    return { rss: reply.rss, heapUsed: reply.heapUsed };
  }

  /** The server's CPU time so far (user + system), in µs: the whole process, and its main thread where known. */
  async cpu(): Promise<CpuTime> {
    const { micros, mainThreadMicros } = await this.ask({ type: 'cpu' }, 'cpu');
    return { micros, mainThreadMicros };
  }

  /**
   * Waits until the platform's store has read back the documents its cache held before the
   * restart (cache-warm-up.ts), and returns how long that still took: the old store read every
   * record before answering, so measuring steady-state throughput waits for the same.
   */
  async warm(): Promise<number> {
    return (await this.ask({ type: 'warm' }, 'warm')).ms;
  }

  /** The server's GC pauses between two Date.now() instants. */
  async gcPauses(from: number, to: number): Promise<GcPauses> {
    const { count, totalMs, maxMs } = await this.ask({ type: 'gc', from, to }, 'gc');
    return { count, totalMs, maxMs };
  }

  async startProfile(): Promise<void> {
    await this.ask({ type: 'profile-start' }, 'profile-started');
  }

  /** Ends the profile and returns its summary; `saveAs` also keeps the raw .cpuprofile. */
  async stopProfile(saveAs?: string): Promise<ProfileSummary> {
    return (await this.ask({ type: 'profile-stop', ...(saveAs ? { saveAs } : {}) }, 'profile')).summary;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' } satisfies ParentMessage);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  private ask<T extends ChildMessage['type']>(message: ParentMessage, reply: T): Promise<Extract<ChildMessage, { type: T }>> {
    return new Promise((resolve) => {
      const listener = (answer: ChildMessage) => {
        if (answer.type !== reply) return;
        this.child.off('message', listener);
        resolve(answer as Extract<ChildMessage, { type: T }>);
      };
      this.child.on('message', listener);
      this.child.send(message);
    });
  }
}
