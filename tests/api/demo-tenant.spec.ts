import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoTenant } from '../../engine/demo/index.js';
import { DEFAULT_PACKS_DIR } from '../../engine/packs/index.js';
import { browser, signIn, startMain, type MainProcess } from '../support/auth-helpers.js';
import { captureLogs } from '../support/console-capture.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/packs', import.meta.url));

/** A packs folder of links to the fixture packs named (a link keeps their code's imports where they are). */
function packsFolderOf(names: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-demo-packs-'));
  for (const name of names) symlinkSync(join(FIXTURES, name), join(dir, name), 'dir');
  return dir;
}

/**
 * Two packs the demo cannot install, beside the fixtures: one whose pack.json has no version, and
 * one whose demo record the write path refuses (its required name is missing).
 */
function writeUninstallablePacks(packsDir: string): void {
  mkdirSync(join(packsDir, 'demo-broken'));
  writeFileSync(join(packsDir, 'demo-broken', 'pack.json'), JSON.stringify({ name: 'demo-broken', label: { en: 'Broken' } }));
  const refused = join(packsDir, 'demo-refused');
  mkdirSync(join(refused, 'metadata', 'objects'), { recursive: true });
  mkdirSync(join(refused, 'data'));
  writeFileSync(join(refused, 'pack.json'), JSON.stringify({ name: 'demo-refused', version: '1.0.0', label: { en: 'Refused' } }));
  writeFileSync(join(refused, 'metadata', 'objects', 'dr_thing.json'), JSON.stringify({ name: 'dr_thing', label: { en: 'Thing' }, fields: [{ name: 'name', type: 'text', required: true }] }));
  writeFileSync(join(refused, 'data', 'dr_thing.json'), JSON.stringify([{ _key: 'ok', name: 'Fine' }, { _key: 'nameless' }]));
}

/** A demo user's session: their own cookie, no API token. */
async function demoUserRecords(engine: ConfiguredEngine, email: string, password: string, object: string) {
  const session = await signIn(engine, email, password);
  return engine.request('GET', `/api/v1/records/${object}?total=true`, undefined, browser(session));
}

describe('the demo tenant: a new tenant gets every pack of the packs folder with demo data', function () {
  this.timeout(180_000);
  let packsDir: string;
  let dataDir: string;
  let engine: ConfiguredEngine;
  let demo: DemoTenant;
  let logged: Record<string, unknown>[];

  before(async () => {
    packsDir = packsFolderOf(['demo-base', 'demo-orphan', 'demo-shop']);
    writeUninstallablePacks(packsDir);
    dataDir = mkdtempSync(join(tmpdir(), 'crm-demo-'));
    const logs = captureLogs('info');
    try {
      engine = await startConfiguredEngine({ demo: true, http: { packsDir } }, dataDir);
    } finally {
      logs.restore();
    }
    logged = logs.entries;
    demo = engine.demo!;
  });
  after(async () => {
    await engine.stop(true);
    rmSync(packsDir, { recursive: true, force: true });
  });

  it('installs the packs in the order of their requirements, as the first administrator, and skips those it cannot install with a log line each', async () => {
    expect(demo.installed.map((pack) => pack.name)).to.deep.equal(['demo-base', 'demo-shop']);
    expect(demo.installed.find((pack) => pack.name === 'demo-shop')!.records, '24 customers, 80 orders, 2 users').to.equal(106);
    const reasons = Object.fromEntries(demo.skipped.map((pack) => [pack.name, pack.reason]));
    expect(Object.keys(reasons).sort()).to.deep.equal(['demo-broken', 'demo-orphan', 'demo-refused']);
    expect(reasons['demo-orphan']).to.equal("it requires 'not-in-the-folder', which is not installed");
    expect(reasons['demo-broken']).to.match(/^its files cannot be used: \/pack.json/);
    expect(reasons['demo-refused']).to.match(/^its install was refused: .*\/data\/dr_thing.json\/1\/name: /);
    const skippedLine = logged.find((entry) => entry.level === 40 && entry.pack === 'demo-orphan');
    expect(skippedLine?.msg, JSON.stringify(logged)).to.equal("demo: pack 'demo-orphan' skipped: it requires 'not-in-the-folder', which is not installed");
    expect(logged.filter((entry) => entry.level === 40 && String(entry.msg).startsWith('demo:')).map((entry) => entry.pack).sort()).to.deep.equal(['demo-broken', 'demo-orphan', 'demo-refused']);
    const ready = logged.find((entry) => entry.msg === 'demo: the demo tenant is ready');
    expect(ready).to.deep.include({ packs: ['demo-base', 'demo-shop'], users: 2 });
    expect(ready!.ms).to.be.a('number');
    expect((await engine.request('GET', '/api/v1/meta/objects/dr_thing')).status, 'nothing of a refused pack stays').to.equal(404);

    const packs = (await engine.request('GET', '/api/v1/packs')).body;
    const installed = packs.installed as { name: string; installedBy: string; metadataVersion: number }[];
    expect(installed.map((pack) => pack.name)).to.deep.equal(['demo-base', 'demo-shop']);
    expect(installed.every((pack) => pack.installedBy === engine.adminId), 'installed by the first administrator').to.equal(true);
    expect(installed[0]!.metadataVersion, 'the required pack first').to.be.below(installed[1]!.metadataVersion);
    const audit = (await engine.request('GET', '/api/v1/audit?action=record.create')).body.entries as { actor: string; object: string }[];
    expect(audit.filter((entry) => entry.object === 'ds_order').every((entry) => entry.actor === engine.adminId), 'written through the write path as the admin').to.equal(true);
  });

  it('gives each demo user a generated password, and they sign in with it and see the demo records', async () => {
    expect(demo.users.map((user) => [user.email, user.role])).to.deep.equal([
      ['ds_clerk@demo.crm.local', 'ds_clerk'],
      ['ds_manager@demo.crm.local', 'ds_manager'],
    ]);
    const [clerk, manager] = demo.users;
    expect(clerk!.password).to.have.length.of.at.least(12).and.not.equal(manager!.password);
    for (const user of demo.users) {
      const orders = await demoUserRecords(engine, user.email, user.password, 'ds_order');
      expect(orders.status, JSON.stringify(orders.body)).to.equal(200);
      expect(orders.body.total).to.equal(80);
    }
    expect((await engine.request('POST', '/api/v1/auth/login', { email: clerk!.email, password: manager!.password }, { authorization: '' })).status, 'each has a password of its own').to.equal(401);
  });

  it('does nothing again when it starts over the same data directory, and the passwords stay', async () => {
    const version = (await engine.request('GET', '/api/v1/meta/objects')).body.version as number;
    await engine.stop();
    engine = await startConfiguredEngine({ demo: true, http: { packsDir } }, dataDir);
    expect(engine.demo).to.equal(undefined);
    expect(engine.firstAdmin).to.equal(undefined);
    expect((await engine.request('GET', '/api/v1/meta/objects')).body.version).to.equal(version);
    const clerk = demo.users[0]!;
    expect((await demoUserRecords(engine, clerk.email, clerk.password, 'ds_order')).body.total, 'no second copy of the demo records').to.equal(80);
  });

  it('generates other passwords for another new tenant: none is fixed', async () => {
    const other = await startConfiguredEngine({ demo: true, http: { packsDir } });
    try {
      expect(other.demo!.users.map((user) => user.email)).to.deep.equal(demo.users.map((user) => user.email));
      for (const [index, user] of other.demo!.users.entries()) expect(user.password).not.to.equal(demo.users[index]!.password);
    } finally {
      await other.stop(true);
    }
  });

  it('starts empty without the demo option (DEMO=0)', async () => {
    const empty = await startConfiguredEngine({ http: { packsDir } });
    try {
      expect(empty.demo).to.equal(undefined);
      expect((await empty.request('GET', '/api/v1/packs')).body.installed).to.deep.equal([]);
    } finally {
      await empty.stop(true);
    }
  });

  it("installs every pack of the repository's plugins/ folder, none skipped, and its demo users sign in", async () => {
    const real = await startConfiguredEngine({ demo: true, http: { packsDir: DEFAULT_PACKS_DIR } });
    try {
      const folders = readdirSync(DEFAULT_PACKS_DIR).filter((name) => existsSync(join(DEFAULT_PACKS_DIR, name, 'pack.json'))).sort();
      expect(folders).to.include('company');
      expect(real.demo!.skipped, JSON.stringify(real.demo!.skipped)).to.deep.equal([]);
      expect(real.demo!.installed.map((pack) => pack.name).sort()).to.deep.equal(folders);
      for (const user of real.demo!.users) {
        const signedIn = await signIn(real, user.email, user.password);
        expect(signedIn.response.body.user.email).to.equal(user.email);
      }
    } finally {
      await real.stop(true);
    }
  });
});

describe('npm start on an empty data directory: the demo tenant', function () {
  this.timeout(180_000);
  let packsDir: string;
  let dataDir: string;
  let main: MainProcess | undefined;

  before(() => {
    packsDir = packsFolderOf(['demo-base', 'demo-orphan', 'demo-shop']);
    dataDir = mkdtempSync(join(tmpdir(), 'crm-demo-main-'));
  });
  after(async () => {
    await main?.stop();
    rmSync(packsDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints the demo users' table once, after the administrator's line, and they sign in with the passwords printed", async () => {
    main = await startMain(dataDir, { DEMO: '1', PACKS_DIR: packsDir, LOG_LEVEL: 'warn' });
    const output = main.output();
    const admin = output.indexOf('First administrator created');
    const table = output.indexOf('Demo users (passwords shown once):');
    expect(admin, output).to.be.above(-1);
    expect(table, output).to.be.above(admin);
    expect(output).to.match(/Demo tenant: 2 pack\(s\) installed with demo data in [\d.]+ s \(demo-base, demo-shop\); skipped: demo-orphan/);
    const rows = output.slice(table).split('\n').slice(1);
    expect(rows[0]).to.match(/^E-mail\s+Role\s+Password$/);
    const clerkRow = rows.find((row) => row.startsWith('ds_clerk@demo.crm.local'))!;
    const [, role, password] = clerkRow.trim().split(/\s+/);
    expect(role).to.equal('ds_clerk');
    const signedIn = await fetch(`${main.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ds_clerk@demo.crm.local', password }) });
    expect(signedIn.status).to.equal(200);
    await main.stop();

    main = await startMain(dataDir, { DEMO: '1', PACKS_DIR: packsDir, LOG_LEVEL: 'warn' });
    expect(main.output(), 'a restart prints no passwords again').not.to.contain('Demo users');
  });
});
