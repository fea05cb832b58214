import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killMainProcesses, startMain, type MainProcess } from '../support/auth-helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PASSWORD_PLACEHOLDER = "'<the password npm start printed>'";

/** The first shell block after a heading of the README. */
function shellBlockAfter(heading: string): string {
  const section = README.slice(README.indexOf(heading));
  const match = /```sh\n([\s\S]*?)```/.exec(section);
  if (!match || !README.includes(heading)) throw new Error(`README.md has no sh block after '${heading}'`);
  return match[1]!;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function bash(script: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', script], { cwd: ROOT, timeout: 120_000, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The README's tour, extracted and run with bash and curl against the real `npm start`
 * (engine/main.ts) on a fresh data directory and port, so that what the README shows keeps working.
 */
describe('README tour against npm start', function () {
  this.timeout(180_000);
  let main: MainProcess;
  let dataDir: string;
  let password: string;
  let jar: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-readme-'));
    jar = join(dataDir, 'crm.jar');
    main = await startMain(join(dataDir, 'data'));
    const printed = /with the password (\S+)/.exec(main.output());
    expect(printed, main.output()).to.not.equal(null);
    password = printed![1]!;
  });
  after(async () => {
    await main?.stop();
    await killMainProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The block as a reader pastes it, pointed at this server, with the password npm start printed. */
  function tour(withPassword: string): string {
    const block = shellBlockAfter('## A five-minute tour');
    expect(block).to.include(PASSWORD_PLACEHOLDER);
    return block.replaceAll('http://localhost:3000', main.url).replaceAll('/tmp/crm.jar', jar).replace(PASSWORD_PLACEHOLDER, `'${withPassword}'`);
  }

  it('stops at a failed sign-in with the server\'s message, running nothing after it', async () => {
    const refused = await fetch(`${main.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@crm.local', password: 'not the password' }) });
    const { error } = (await refused.json()) as { error: { message: string } };
    const run = await bash(tour('not the password'));
    expect(run.code).to.not.equal(0);
    expect(run.stderr).to.include(error.message);
    expect(run.stdout).to.not.include('signed in');
    const objects = await fetch(`${main.url}/api/v1/meta/objects/purchase_request`);
    expect(objects.status).to.equal(401);
  });

  it('runs the whole tour when pasted, each step answering as the README says', async () => {
    const run = await bash(tour(password));
    expect(run.code, `${run.stdout}\n${run.stderr}`).to.equal(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).to.match(/^signed in; API token \S+$/);
    // The formula of step 4 and the update of step 7, as the comments say.
    expect(lines).to.include('14280');
    expect(lines).to.include('11305');
    expect(run.stdout).to.include('"code":"validation_failed"').and.include('"path":"/amount"');
    expect(run.stdout).to.include('"code":"rule_violated"').and.include('超过 10,000 的申请需要需求日期');
    expect(lines[lines.length - 2]).to.equal('Chairs');
  });

  it('generates the SDK types with the token, as the Typed SDK section shows', async () => {
    const login = await fetch(`${main.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@crm.local', password }) });
    expect(login.status).to.equal(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const issued = await fetch(`${main.url}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'typegen' }) });
    const { token } = (await issued.json()) as { token: string };
    const out = join(dataDir, 'crm-types.ts');
    const command = shellBlockAfter('## Typed SDK').split('\n').find((line) => line.includes('npm run typegen'))!;
    expect(command).to.include('$TOKEN');
    const run = await bash(`TOKEN='${token}'\n${command.replaceAll('http://localhost:3000', main.url)} --out '${out}'`);
    expect(run.code, `${run.stdout}\n${run.stderr}`).to.equal(0);
    expect(readFileSync(out, 'utf8')).to.include('purchase_request');
  });
});
