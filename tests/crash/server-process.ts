import { spawn, type ChildProcess } from 'node:child_process';
import { TEST_ADMIN } from '../support/test-engine.js';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root: engine/main.ts and node_modules/tsx are resolved from here. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const READY_LINE = /CRM platform listening on (http:\/\/\S+)/;
/** Generous: a cold start under tsx on a shared 2-core machine has taken over 20 s. */
const READY_TIMEOUT_MS = 60_000;

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The real server (engine/main.ts) running in a child node process: no npx or shell in between. */
export interface ServerProcess {
  readonly pid: number;
  /** The loopback URL from the ready line, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  /** Settles once the process has exited. */
  readonly exited: Promise<ServerExit>;
  /** stdout and stderr so far (the last 64 KiB), for failure messages. */
  output(): string;
  /** Sends SIGKILL and waits until the process is gone. */
  kill(): Promise<ServerExit>;
  /** SIGTERM (a clean shutdown), then SIGKILL if it is not gone within `graceMs`. */
  stop(graceMs?: number): Promise<ServerExit>;
}

export interface StartOptions {
  dataDir: string;
  readyTimeoutMs?: number;
  env?: Record<string, string>;
}

/** Every child still alive, so that a failing test or an aborted run never leaves one behind. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Kills (SIGKILL) every server process this module started that is still running. */
export async function killAllServers(): Promise<void> {
  const exits = [...live].map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  }));
  await Promise.all(exits);
}

/** A port nobody listens on right now: bind port 0 on loopback, read it, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port from listen(0)'));
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * Starts `node --import tsx engine/main.ts` on the embedded store over `dataDir`, on a free
 * loopback port, and resolves once the server prints its ready line.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Sixteen writers at full speed would pass the default per-user limit; this test is about durability.
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      // A line per request would only fill the output kept for failure messages.
      LOG_LEVEL: 'warn',
      // An empty tenant, as these tests expect: no demo packs.
      DEMO: '0',
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      DURABILITY: options.env?.DURABILITY ?? 'process',
      MONGODB_URI: '',
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('the server process did not start');
  live.add(child);

  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-65536);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);

  const exited = new Promise<ServerExit>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not print its ready line within ${options.readyTimeoutMs ?? READY_TIMEOUT_MS} ms:\n${log}`));
    }, options.readyTimeoutMs ?? READY_TIMEOUT_MS);
    const onData = () => {
      const match = READY_LINE.exec(log);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      // main prints "localhost"; the server listens on 127.0.0.1 only (HOST), so ask there
      resolve(match[1]!.replace('//localhost:', '//127.0.0.1:'));
    };
    child.stdout!.on('data', onData);
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`the server exited before it was ready (code ${exit.code}, signal ${exit.signal}):\n${log}`));
    });
  });

  const signal = async (name: NodeJS.Signals): Promise<ServerExit> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };

  return {
    pid: child.pid,
    url,
    exited,
    output: () => log,
    kill: () => signal('SIGKILL'),
    async stop(graceMs = 5000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await signal('SIGTERM');
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
