import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killMainProcesses, startMain, type MainProcess } from '../support/auth-helpers.js';

const FIRST_ADMIN_LINE = /First administrator created: sign in as (\S+) with (?:the password (\S+)|ADMIN_PASSWORD)/;

async function signInAt(url: string, email: string, password: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, body: await response.json() };
}

/** `npm start` (engine/main.ts) on a fresh data directory: the first administrator, and no default password. */
describe('npm start: the first administrator', function () {
  this.timeout(150_000);
  const dirs: string[] = [];
  const running: MainProcess[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-first-admin-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (dir: string, env: Record<string, string> = {}) => {
    const main = await startMain(dir, env);
    running.push(main);
    return main;
  };
  const firstAdminLine = (main: MainProcess) => FIRST_ADMIN_LINE.exec(main.output());

  afterEach(async () => {
    for (const main of running.splice(0)) await main.stop();
  });
  after(async () => {
    await killMainProcesses();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the first admin with a generated password, printed once, that signs in', async () => {
    const dir = freshDir();
    const first = await start(dir);
    const line = firstAdminLine(first);
    expect(line, first.output()).to.not.equal(null);
    const [, email, password] = line!;
    expect(email, 'a default address that is a valid e-mail').to.match(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(password).to.be.a('string').with.length.of.at.least(12);
    const signedIn = await signInAt(first.url, email!, password!);
    expect(signedIn.status, JSON.stringify(signedIn.body)).to.equal(200);
    expect(signedIn.body.user).to.include({ email, active: true });
    expect((await signInAt(first.url, email!, 'admin')).status, 'no built-in default password').to.equal(401);
    await first.stop();

    const second = await start(dir);
    expect(second.output()).to.not.match(/First administrator/);
    expect(second.output()).to.not.include(password!);
    expect((await signInAt(second.url, email!, password!)).status, 'the password outlives the restart').to.equal(200);
  });

  it('generates a different password for every fresh data directory', async () => {
    const passwords: string[] = [];
    for (let i = 0; i < 2; i++) {
      const main = await start(freshDir());
      passwords.push(firstAdminLine(main)![2]!);
      await main.stop();
    }
    expect(passwords[0]).to.not.equal(passwords[1]);
  });

  it('takes ADMIN_EMAIL and ADMIN_PASSWORD when given, and never prints the password', async () => {
    const password = 'an operator chosen password';
    const main = await start(freshDir(), { ADMIN_EMAIL: 'Owner@Example.com', ADMIN_PASSWORD: password });
    const line = firstAdminLine(main);
    expect(line, main.output()).to.not.equal(null);
    expect(line![1]).to.equal('Owner@Example.com');
    expect(line![2]).to.equal(undefined);
    expect(main.output()).to.not.include(password);
    expect((await signInAt(main.url, 'owner@example.com', password)).status).to.equal(200);
  });

  it('generates the password for ADMIN_EMAIL when ADMIN_PASSWORD is not set', async () => {
    const main = await start(freshDir(), { ADMIN_EMAIL: 'ops@example.com' });
    const [, email, password] = firstAdminLine(main)!;
    expect(email).to.equal('ops@example.com');
    expect((await signInAt(main.url, email!, password!)).status).to.equal(200);
  });

  it('refuses to start with an ADMIN_PASSWORD shorter than the policy, creating no admin', async () => {
    const dir = freshDir();
    let failure: unknown;
    try {
      await start(dir, { ADMIN_EMAIL: 'weak@example.com', ADMIN_PASSWORD: 'short' });
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.match(/exited before it was ready/).and.match(/ADMIN_PASSWORD/).and.match(/at least 12 characters/);
    const retried = await start(dir, { ADMIN_EMAIL: 'weak@example.com', ADMIN_PASSWORD: 'now a long enough one' });
    expect(firstAdminLine(retried), 'no admin was created by the refused start').to.not.equal(null);
    expect((await signInAt(retried.url, 'weak@example.com', 'now a long enough one')).status).to.equal(200);
  });

  it('ignores ADMIN_EMAIL and ADMIN_PASSWORD once the tenant has users', async () => {
    const dir = freshDir();
    const first = await start(dir);
    const [, email, password] = firstAdminLine(first)!;
    await first.stop();
    const second = await start(dir, { ADMIN_EMAIL: 'late@example.com', ADMIN_PASSWORD: 'a password too late' });
    expect(second.output()).to.not.match(/First administrator/);
    expect((await signInAt(second.url, 'late@example.com', 'a password too late')).status).to.equal(401);
    expect((await signInAt(second.url, email!, password!)).status).to.equal(200);
  });
});
