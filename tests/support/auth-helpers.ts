import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { freePort } from '../crash/server-process.js';
import type { AuditEntry } from '../../engine/audit/audit-log.js';
import { AUDIT_COLLECTION } from '../../engine/audit/audit-log.js';
import { CREDENTIALS, SESSIONS, TOKENS } from '../../engine/security/auth-collections.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import type { TestEngine, TestResponse } from './test-engine.js';

/** A browser-like sign-in: the session cookie as the browser would send it back, and the CSRF token. */
export interface Session {
  response: TestResponse;
  /** `crm_session=<secret>`, for the Cookie header. */
  cookie: string;
  csrfToken: string;
  /** The raw Set-Cookie header of the sign-in. */
  setCookie: string;
}

export const LOGIN = '/api/v1/auth/login';

/** POST /api/v1/auth/login with no other credentials, as a browser's sign-in page would. */
export function login(engine: TestEngine, email: unknown, password: unknown): Promise<TestResponse> {
  return engine.request('POST', LOGIN, { email, password }, { authorization: '' });
}

/**
 * POST /api/v1/auth/login from another client address: the whole 127.0.0.0/8 block is loopback on
 * Linux, so binding the socket to 127.0.0.2 makes the engine see a second client.
 */
export function loginFrom(engine: TestEngine, localAddress: string, email: unknown, password: unknown): Promise<TestResponse> {
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${engine.url}${LOGIN}`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
        }
        resolve({ status: response.statusCode ?? 0, headers, body: text ? JSON.parse(text) : undefined });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Signs in and fails the test at once unless the engine opens a session. */
export async function signIn(engine: TestEngine, email: string, password: string): Promise<Session> {
  const response = await login(engine, email, password);
  expect(response.status, JSON.stringify(response.body)).to.equal(200);
  const setCookie = response.headers.getSetCookie().find((header) => header.startsWith('crm_session=')) ?? '';
  expect(setCookie, 'the sign-in sets the session cookie').to.not.equal('');
  return { response, cookie: setCookie.split(';')[0]!, csrfToken: response.body.csrfToken, setCookie };
}

/** Headers of a browser call with the session cookie: no API token, the CSRF header only when given. */
export function browser(session: Pick<Session, 'cookie'>, csrf?: string): Record<string, string> {
  return { authorization: '', cookie: session.cookie, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) };
}

/** Headers of an integration's call with an API token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Creates a user as the administrator and gives them a password; returns the user's id. */
export async function createUser(engine: TestEngine, values: Record<string, unknown>, password: string): Promise<string> {
  const created = await engine.request('POST', '/api/v1/records/user', values);
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  const set = await engine.request('POST', `/api/v1/auth/users/${created.body._id}/password`, { password });
  expect(set.status, JSON.stringify(set.body)).to.equal(204);
  return created.body._id;
}

/** Signs in as the user and issues them an API token, as an integration would be set up. */
export async function tokenFor(engine: TestEngine, email: string, password: string, name = 'integration'): Promise<string> {
  const session = await signIn(engine, email, password);
  const issued = await engine.request('POST', '/api/v1/auth/tokens', { name }, browser(session, session.csrfToken));
  expect(issued.status, JSON.stringify(issued.body)).to.equal(201);
  return issued.body.token;
}

/** The audit entries of the default tenant as stored, oldest first (read past the API, which admins only may use). */
export async function storedAudit(engine: TestEngine, filter: Record<string, unknown> = {}): Promise<AuditEntry[]> {
  const tenant = await engine.platform.tenant(DEFAULT_TENANT);
  return tenant.store.collection<AuditEntry>(AUDIT_COLLECTION).find(filter, { sort: { _id: 1 } });
}

/** The actions of the audit entries about one user (their `record`), oldest first. */
export async function auditActionsOf(engine: TestEngine, userId: string): Promise<string[]> {
  return (await storedAudit(engine, { record: userId })).map((entry) => entry.action);
}

/** Everything the tenant keeps in its auth collections and audit log, as one JSON text to search. */
export async function storedAuthText(engine: TestEngine): Promise<string> {
  const tenant = await engine.platform.tenant(DEFAULT_TENANT);
  const dump: Record<string, unknown> = {};
  for (const name of [CREDENTIALS, SESSIONS, TOKENS, AUDIT_COLLECTION]) dump[name] = await tenant.store.collection(name).find({});
  return JSON.stringify(dump);
}

/** The real `npm start` (engine/main.ts) in a child process, with exactly the environment given. */
export interface MainProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY = /CRM platform listening on (http:\/\/\S+)/;
const children = new Set<ChildProcess>();

/**
 * Starts `node --import tsx engine/main.ts` over `dataDir` on a free loopback port. Unlike the crash
 * tests' starter it sets no ADMIN_EMAIL / ADMIN_PASSWORD of its own: `env` says whether there are any.
 * It starts empty (DEMO=0) unless `env` sets DEMO.
 */
export async function startMain(dataDir: string, env: Record<string, string> = {}): Promise<MainProcess> {
  const { ADMIN_EMAIL: _email, ADMIN_PASSWORD: _password, ...inherited } = process.env;
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/main.ts'], {
    cwd: ROOT,
    // The demo tenant (every pack of plugins/ with demo data) only where a spec asks for it: DEMO in `env`.
    env: { ...inherited, DEMO: '0', ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DURABILITY: 'process', MONGODB_URI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => (children.delete(child), resolve())));
  const append = (chunk: Buffer) => (log += chunk.toString('utf8'));
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: a cold start under tsx on a shared 2-core machine has taken over 20 s.
    const timer = setTimeout(() => reject(new Error(`engine/main.ts printed no ready line within 60 s:\n${log}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = READY.exec(log);
      if (match) (clearTimeout(timer), resolve(match[1]!.replace('//localhost:', '//127.0.0.1:')));
    });
    void exited.then(() => (clearTimeout(timer), reject(new Error(`engine/main.ts exited before it was ready:\n${log}`))));
  });
  // The first-admin line follows the ready line in the same tick of main; wait for stdout to settle.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    url,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Kills every engine/main.ts child still running: for after hooks, so a failed test leaves none behind. */
export async function killMainProcesses(): Promise<void> {
  await Promise.all([...children].map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  })));
}
