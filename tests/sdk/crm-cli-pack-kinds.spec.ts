import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crm } from './support/run-crm.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const SLA_DESK = join(import.meta.dirname, '..', 'fixtures', 'pack-kinds', '1.0.0', 'sla-desk');
const GOLD = { name: 'gold', object: 'sd_ticket', label: { en: 'Gold' }, responseHours: 4 };

/** A consultant promotes definitions of a kind a pack adds: exported from one tenant as a folder, installed into another that has the pack. */
describe('npx crm pack: definitions of a kind a pack adds, from a tenant to a folder and to another tenant', () => {
  let engine: TestEngine;
  let packsDir: string;
  let dir: string;
  let production: TestTenant;
  let bare: TestTenant;

  before(async () => {
    packsDir = mkdtempSync(join(tmpdir(), 'crm-cli-kinds-packs-'));
    symlinkSync(SLA_DESK, join(packsDir, 'sla-desk'), 'dir');
    dir = join(mkdtempSync(join(tmpdir(), 'crm-cli-kinds-')), 'policies');
    engine = await startTestEngine({ packsDir, operatorToken: OPERATOR_TOKEN });
    production = await createTenant(engine, 'production');
    bare = await createTenant(engine, 'bare');
    for (const headers of [{}, production.headers]) expect((await engine.request('POST', '/api/v1/packs/install', { name: 'sla-desk' }, headers)).status).to.equal(200);
    expect((await engine.request('POST', '/api/v1/meta/sla-policies', GOLD)).status).to.equal(201);
  });
  after(async () => {
    await engine.stop();
    rmSync(packsDir, { recursive: true, force: true });
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('exports them into the folder the kind names, diffs and installs the folder into a tenant with the pack', async () => {
    const exported = await crm(['pack', 'export', dir, '--name', 'sla-policies', '--version', '1.0.0', '--item', 'slaPolicy:gold', '--url', engine.url, '--token', engine.token]);
    expect(exported.code, exported.err).to.equal(0);
    expect(JSON.parse(readFileSync(join(dir, 'metadata', 'sla-policies', 'gold.json'), 'utf8'))).to.deep.equal(GOLD);

    const where = ['--url', engine.url, '--token', production.token, '--tenant', production.name];
    const diff = await crm(['pack', 'diff', dir, ...where]);
    expect(diff.code, diff.err).to.equal(1);
    expect(diff.out).to.contain('slaPolicy:gold');
    const installed = await crm(['pack', 'install', dir, ...where]);
    expect(installed.code, installed.err).to.equal(0);
    expect((await engine.request('GET', '/api/v1/meta/sla-policies/gold', undefined, production.headers)).body.definition).to.deep.equal(GOLD);
    expect((await crm(['pack', 'diff', dir, ...where])).code, 'nothing differs any more').to.equal(0);
  });

  it('cannot read the folder for a tenant without the pack, which has no such kind', async () => {
    expect(existsSync(join(dir, 'metadata', 'sla-policies'))).to.equal(true);
    const refused = await crm(['pack', 'plan', dir, '--url', engine.url, '--token', bare.token, '--tenant', bare.name]);
    expect(refused.code).to.equal(1);
    expect(refused.err).to.contain('cannot be used');
    expect((await engine.request('GET', '/api/v1/meta/sla-policies', undefined, bare.headers)).status).to.equal(404);
  });
});
