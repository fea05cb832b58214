import { expect } from 'chai';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../../support/test-engine.js';
import { ok, PLUGINS, relabel, releasePack, type Json } from './pack-tenant-helpers.js';

/** Each department pack after those it requires, as the demo tenant installs them. */
const IN_ORDER = ['company', 'sales', 'service', 'finance', 'procurement', 'marketing', 'management', 'manufacturing'];

/**
 * Every department pack in one tenant, then the sales pack upgraded to a new version that changes
 * its opportunity while the tenant has customised it: the tenant's change stays, the pack's lands
 * beside it. The packs folder holds a copy of sales (the new version is written into it) and links
 * to the others.
 */
describe('packs: every department in one tenant, an upgrade that keeps a customised field', function () {
  this.timeout(180_000);
  let engine: TestEngine;
  let packsDir: string;
  let tenant: TestTenant;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => engine.request(method, path, body, { ...tenant.headers, ...headers });

  before(async () => {
    // Beside plugins/, at the same depth: the packs' code imports the engine by relative paths (../../engine).
    packsDir = mkdtempSync(join(PLUGINS, '..', '.tmp-departments-'));
    for (const name of readdirSync(PLUGINS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) {
      if (name === 'sales') cpSync(join(PLUGINS, name), join(packsDir, name), { recursive: true });
      else symlinkSync(join(PLUGINS, name), join(packsDir, name), 'dir');
    }
    engine = await startTestEngine({ packsDir, operatorToken: OPERATOR_TOKEN });
    tenant = await createTenant(engine, 'all-departments');
  });
  after(async () => {
    await engine.stop();
    rmSync(packsDir, { recursive: true, force: true });
  });

  it('installs every department pack into a fresh tenant, each after those it requires', async () => {
    for (const name of IN_ORDER) ok(await call('POST', '/api/v1/packs/install', { name }));
    const installed = ok(await call('GET', '/api/v1/packs')).installed as Json[];
    expect(installed.map((pack) => pack.name).sort()).to.deep.equal([...IN_ORDER].sort());
    // Each department's app and home dashboard are there, and its objects answer.
    for (const object of ['opportunity', 'case', 'invoice', 'purchase_request', 'campaign_member', 'kpi_target', 'installed_asset']) expect((await call('GET', `/api/v1/records/${object}?limit=1`)).status, object).to.equal(200);
    for (const app of ['sales', 'service', 'finance', 'procurement', 'marketing', 'management', 'manufacturing']) expect((await call('GET', `/api/v1/meta/apps/${app}`)).status, app).to.equal(200);
  });

  it("upgrades sales to a new version keeping the tenant's own label, and takes the pack's changes beside it", async () => {
    const read = ok(await call('GET', '/api/v1/meta/objects/opportunity'));
    const customised = { ...read.definition, fields: relabel(read.definition.fields, 'lead_source', 'Where it came from') };
    ok(await call('PUT', '/api/v1/meta/objects/opportunity', customised, { 'if-match': read.etag }));

    // Version 1.1.0 of the pack: the close date renamed, a field added.
    releasePack(join(packsDir, 'sales'), '1.1.0', 'opportunity', (shipped) => ({
      ...shipped,
      fields: [...relabel(shipped.fields, 'close_date', 'Expected close'), { name: 'competitor', type: 'text', label: { en: 'Main competitor', 'zh-CN': '主要竞争对手' } }],
    }));

    const plan = ok(await call('POST', '/api/v1/packs/plan', { name: 'sales' })).plan as Json;
    expect(plan.conflicts).to.equal(0);
    expect((plan.items as Json[]).find((item) => item.kind === 'object' && item.name === 'opportunity')?.action).to.equal('update');

    const upgraded = ok(await call('POST', '/api/v1/packs/install', { name: 'sales', upgrade: true }));
    expect(upgraded.plan).to.include({ from: '1.0.0', to: '1.1.0', conflicts: 0 });
    const after = ok(await call('GET', '/api/v1/meta/objects/opportunity')).definition;
    const field = (name: string) => (after.fields as Json[]).find((candidate) => candidate.name === name);
    expect(field('lead_source')!.label.en, "the tenant's label").to.equal('Where it came from');
    expect(field('close_date')!.label.en, "the pack's label").to.equal('Expected close');
    expect(field('competitor')!.label['zh-CN']).to.equal('主要竞争对手');
    // The packs that build on sales are untouched and still work.
    expect((await call('GET', '/api/v1/records/invoice?limit=1')).status).to.equal(200);
  });

  it('uninstalls a pack others do not need (marketing) and leaves the rest working; refuses one they need (sales)', async () => {
    expect((await call('DELETE', '/api/v1/packs/sales')).status).to.equal(409);
    ok(await call('DELETE', '/api/v1/packs/marketing?force=true'));
    expect((await call('GET', '/api/v1/records/campaign_member?limit=1')).status).to.equal(404);
    expect((await call('GET', '/api/v1/records/campaign?limit=1')).status, "sales' campaigns stay").to.equal(200);
    const installed = ok(await call('GET', '/api/v1/packs')).installed as Json[];
    expect(installed.map((pack) => pack.name)).to.not.include('marketing');
  });

  it('uninstalls the industry pack (manufacturing) from the full tenant; the packs it stacked on keep working', async () => {
    ok(await call('DELETE', '/api/v1/packs/manufacturing?force=true'));
    for (const object of ['installed_asset', 'bom']) expect((await call('GET', `/api/v1/records/${object}?limit=1`)).status, object).to.equal(404);
    for (const object of ['quote', 'quote_line', 'product', 'case', 'kpi_target']) expect((await call('GET', `/api/v1/records/${object}?limit=1`)).status, object).to.equal(200);
    const installed = (ok(await call('GET', '/api/v1/packs')).installed as Json[]).map((pack) => pack.name);
    expect(installed).to.not.include('manufacturing');
    expect(installed).to.include.members(['sales', 'service', 'management']);
  });
});
