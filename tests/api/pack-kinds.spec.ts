import { expect } from 'chai';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '../../engine/security/api-tokens.js';
import { startEngine } from '../../engine/start-engine.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { expectError } from '../support/api-helpers.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../support/tenant-helpers.js';
import { startTestEngine, TEST_ADMIN, type TestEngine } from '../support/test-engine.js';

type Definition = Record<string, any>;

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'pack-kinds');
const POLICIES = '/api/v1/meta/sla-policies';

/**
 * Puts a version of the SLA desk pack (tests/fixtures/pack-kinds/<version>/sla-desk) in the packs
 * folder, as a consultant copies an upgrade there: a link, so that its code is imported from its
 * own path (tsx keeps one module per path, and the two versions' kinds differ).
 */
function useVersion(packsDir: string, version: '1.0.0' | '1.1.0'): void {
  rmSync(join(packsDir, 'sla-desk'), { force: true });
  symlinkSync(join(FIXTURES, version, 'sla-desk'), join(packsDir, 'sla-desk'), 'dir');
}

const GOLD = { name: 'gold', object: 'sd_ticket', label: { en: 'Gold', 'zh-CN': '金牌' }, responseHours: 4, escalations: [{ afterHours: 2, role: 'support_lead' }] };

/** A pack whose code adds a kind of metadata (slaPolicy): stored, versioned and shipped as the platform's kinds are, where the pack is installed. */
describe('packs that add a kind of metadata', () => {
  let engine: TestEngine;
  let packsDir: string;
  let acme: TestTenant;
  const policy = async (name: string) => (await engine.request('GET', `${POLICIES}/${name}`)).body.definition as Definition;

  before(async () => {
    packsDir = mkdtempSync(join(tmpdir(), 'crm-pack-kinds-'));
    useVersion(packsDir, '1.0.0');
    engine = await startTestEngine({ packsDir, operatorToken: OPERATOR_TOKEN });
    acme = await createTenant(engine, 'acme-kinds');
    expect((await engine.request('POST', '/api/v1/meta/roles', { name: 'support_lead' })).status).to.equal(201);
    const installed = await engine.request('POST', '/api/v1/packs/install', { name: 'sla-desk' });
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
  });
  after(async () => {
    await engine.stop();
    rmSync(packsDir, { recursive: true, force: true });
  });

  it('installs the kind with the pack: its definitions at its own path of the metadata API, its label in en and zh-CN', async () => {
    const listed = await engine.request('GET', POLICIES);
    expect(listed.status, JSON.stringify(listed.body)).to.equal(200);
    expect(listed.body.slaPolicies).to.deep.equal([{ name: 'standard', object: 'sd_ticket', label: { en: 'Standard', 'zh-CN': '标准' }, responseHours: 24 }]);
    expect(listed.body.etags.standard).to.match(/^"/);
    const kinds = await engine.request('GET', '/api/v1/meta/kinds');
    expect(kinds.body.kinds).to.have.length(1);
    expect(kinds.body.kinds[0]).to.deep.include({ kind: 'slaPolicy', pack: 'sla-desk', label: { en: 'SLA policy', 'zh-CN': 'SLA 策略' }, plural: 'slaPolicies', path: 'sla-policies', objectProperty: 'object' });
    const byObject = await engine.request('GET', `${POLICIES}?object=sd_ticket`);
    expect(byObject.body.slaPolicies.map((definition: Definition) => definition.name)).to.deep.equal(['standard']);
  });

  it('refuses a definition its schema refuses: 400 with each problem at its path, nothing written', async () => {
    const before = (await engine.request('GET', '/api/v1/meta/history?limit=1')).body.entries[0].version;
    const refused = await engine.request('POST', POLICIES, { name: 'Gold!', object: 'sd_ticket', label: { en: 'Gold' }, responseHours: 'fast', colour: 'gold', escalations: [{ role: 'support_lead' }] });
    const details = expectError(refused, 400, 'validation_failed');
    expect(details.map((detail) => detail.path).sort()).to.deep.equal(['/colour', '/escalations/0/afterHours', '/name', '/responseHours']);
    expect(details.find((detail) => detail.path === '/responseHours')!.message).to.equal("must be a number, got 'fast'");
    expect(details.find((detail) => detail.path === '/colour')!.message).to.equal('is not a property of a SLA policy definition');
    expect((await engine.request('GET', '/api/v1/meta/history?limit=1')).body.entries[0].version, 'no new version').to.equal(before);
  });

  it('refuses a definition the kind\'s own checks refuse against the tenant\'s metadata, in the reader\'s language', async () => {
    const noRole = { ...GOLD, escalations: [{ afterHours: 2, role: 'night_shift' }] };
    expect(expectError(await engine.request('POST', POLICIES, noRole), 400)).to.deep.equal([{ path: '/escalations/0/role', message: "there is no role named 'night_shift' to escalate to" }]);
    const chinese = await engine.request('POST', POLICIES, noRole, { 'accept-language': 'zh-CN' });
    expect(expectError(chinese, 400)).to.deep.equal([{ path: '/escalations/0/role', message: "没有名为 'night_shift' 的角色可以升级给它" }]);
    expect(expectError(await engine.request('POST', POLICIES, { ...GOLD, object: 'sd_invoice' }), 400)).to.deep.equal([{ path: '/object', message: "there is no object named 'sd_invoice'" }]);
  });

  it('creates, replaces (If-Match) and reads definitions, and compiles them for the pack\'s code', async () => {
    const created = await engine.request('POST', POLICIES, GOLD);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.headers.get('location')).to.equal(`${POLICIES}/gold`);
    const etag = created.headers.get('etag')!;
    const stale = await engine.request('PUT', `${POLICIES}/gold`, { ...GOLD, responseHours: 3 }, { 'if-match': '"stale0000000000000000"' });
    expectError(stale, 412, 'definition_changed');
    const replaced = await engine.request('PUT', `${POLICIES}/gold`, { ...GOLD, responseHours: 3 }, { 'if-match': etag });
    expect(replaced.status, JSON.stringify(replaced.body)).to.equal(200);
    expect((await policy('gold')).responseHours).to.equal(3);
    const compiled = await engine.request('GET', '/api/v1/packs/sla-desk/policies/gold');
    expect(compiled.body.policy).to.deep.equal({ name: 'gold', object: 'sd_ticket', responseMinutes: 180, escalations: [{ afterMinutes: 120, role: 'support_lead' }], pauseOnHold: false });
    expectError(await engine.request('POST', POLICIES, GOLD), 409, 'already_exists');
  });

  it('keeps every change in the history, by kind and by name', async () => {
    const history = await engine.request('GET', '/api/v1/meta/history?kind=slaPolicy&name=gold');
    expect(history.status, JSON.stringify(history.body)).to.equal(200);
    expect(history.body.entries.map((entry: Definition) => [entry.action, entry.before?.responseHours ?? null, entry.after?.responseHours ?? null])).to.deep.equal([
      ['slaPolicy.update', 4, 3],
      ['slaPolicy.create', null, 4],
    ]);
    const installs = await engine.request('GET', '/api/v1/meta/history?kind=slaPolicy&name=standard');
    expect(installs.body.entries.map((entry: Definition) => entry.action)).to.deep.equal(['slaPolicy.create']);
  });

  it('refuses a change elsewhere that would break a definition of the kind (409 naming it)', async () => {
    const refused = await engine.request('DELETE', '/api/v1/meta/roles/support_lead');
    expectError(refused, 409, 'metadata_in_use');
    expect(refused.body.error.message).to.contain('SLA policy gold');
    expect((await engine.request('GET', '/api/v1/meta/roles/support_lead')).status).to.equal(200);
  });

  it('lists the kind in the OpenAPI document of the tenant with the pack, and nowhere else', async () => {
    const document = (await engine.request('GET', '/api/v1/openapi.json')).body;
    expect(document.paths).to.have.property(POLICIES);
    expect(document.paths).to.have.property(`${POLICIES}/{name}`);
    expect(document.paths[POLICIES].post.operationId).to.equal('meta.createSlaPolicy');
    expect(document.components.schemas.SlaPolicyDefinition.properties).to.have.property('responseHours');
    expect(document.components.schemas.SlaPolicyEscalation.required).to.deep.equal(['afterHours', 'role']);
    expect(document.components.schemas.MetadataHistoryEntry.properties.kind.enum).to.include('slaPolicy');
    const elsewhere = (await engine.request('GET', '/api/v1/openapi.json', undefined, acme.headers)).body;
    expect(elsewhere.paths).not.to.have.property(POLICIES);
    expect(elsewhere.components.schemas).not.to.have.property('SlaPolicyDefinition');
    expect(elsewhere.components.schemas.MetadataHistoryEntry.properties.kind.enum).not.to.include('slaPolicy');
  });

  it('knows nothing of the kind in a tenant without the pack', async () => {
    expect((await engine.request('GET', POLICIES, undefined, acme.headers)).status).to.equal(404);
    expect((await engine.request('POST', POLICIES, GOLD, acme.headers)).status).to.equal(404);
    expect((await engine.request('GET', `${POLICIES}/standard`, undefined, acme.headers)).status).to.equal(404);
    expect((await engine.request('GET', '/api/v1/meta/kinds', undefined, acme.headers)).body.kinds).to.deep.equal([]);
    expect(expectError(await engine.request('GET', '/api/v1/meta/history?kind=slaPolicy', undefined, acme.headers), 400)[0]!.path).to.equal('/kind');
    expect((await engine.request('GET', '/api/v1/packs/sla-desk/policies/gold', undefined, acme.headers)).status).to.equal(404);
  });

  it('exports the kind\'s definitions into a pack (with their object, or by key), with the folder they go in', async () => {
    const manifest = { name: 'sla-export', version: '1.0.0', label: { en: 'SLA export' } };
    const byKey = await engine.request('POST', '/api/v1/packs/export', { manifest, items: ['slaPolicy:gold'] });
    expect(byKey.status, JSON.stringify(byKey.body)).to.equal(200);
    expect(byKey.body.pack.items).to.deep.equal([{ kind: 'slaPolicy', name: 'gold', definition: { ...GOLD, responseHours: 3 } }]);
    expect(byKey.body.pack.folders).to.deep.equal({ slaPolicy: 'sla-policies' });
    const withObject = await engine.request('POST', '/api/v1/packs/export', { manifest, objects: ['sd_ticket'] });
    expect(withObject.body.pack.items.map((item: Definition) => `${item.kind}:${item.name}`)).to.deep.equal(['object:sd_ticket', 'slaPolicy:gold', 'slaPolicy:standard']);
    // The same pack sent to a tenant without the kind is refused item by item.
    const elsewhere = await engine.request('POST', '/api/v1/packs/plan', { pack: byKey.body.pack }, acme.headers);
    expect(expectError(elsewhere, 400).map((detail) => detail.path)).to.deep.equal(['/pack/items/0/kind']);
  });

  it('upgrades with a three-way merge: the tenant\'s label kept, a conflict on what both changed listed and nothing changed until resolved; the new schema applies', async () => {
    const refusedBefore = await engine.request('PUT', `${POLICIES}/gold`, { ...GOLD, pauseOnHold: true });
    expect(expectError(refusedBefore, 400).map((detail) => detail.path)).to.deep.equal(['/pauseOnHold']);
    // The tenant relabels its standard policy and shortens it; 1.1.0 shortens it otherwise and pauses it on hold.
    const standard = await policy('standard');
    const customised = { ...standard, label: { ...standard.label, en: 'Standard (EU)' }, responseHours: 12 };
    expect((await engine.request('PUT', `${POLICIES}/standard`, customised)).status).to.equal(200);
    useVersion(packsDir, '1.1.0');
    const plan = await engine.request('POST', '/api/v1/packs/plan', { name: 'sla-desk' });
    expect(plan.status, JSON.stringify(plan.body)).to.equal(200);
    expect(plan.body.plan.items.map((item: Definition) => `${item.action} ${item.kind}:${item.name}`)).to.deep.equal(['unchanged object:sd_ticket', 'conflict slaPolicy:standard']);
    expect(plan.body.plan.items[1].conflicts).to.deep.equal([{ path: '/responseHours', base: 24, ours: 12, theirs: 8 }]);
    const refused = await engine.request('POST', '/api/v1/packs/install', { name: 'sla-desk', upgrade: true });
    expect(expectError(refused, 409, 'pack_conflicts').map((detail) => detail.path)).to.deep.equal(['/slaPolicy:standard/responseHours']);
    expect(await policy('standard'), 'nothing changed').to.deep.equal(customised);
    const upgraded = await engine.request('POST', '/api/v1/packs/install', { name: 'sla-desk', upgrade: true, resolutions: { 'slaPolicy:standard': { '/responseHours': 'theirs' } } });
    expect(upgraded.status, JSON.stringify(upgraded.body)).to.equal(200);
    expect(await policy('standard')).to.deep.equal({ name: 'standard', object: 'sd_ticket', label: { en: 'Standard (EU)', 'zh-CN': '标准' }, pauseOnHold: true, responseHours: 8 });
    expect((await engine.request('PUT', `${POLICIES}/gold`, { ...GOLD, pauseOnHold: true })).status).to.equal(200);
    expect((await engine.request('GET', '/api/v1/packs/sla-desk/policies/gold')).body.policy.pauseOnHold).to.equal(true);
  });

  it('refuses a pack sent whole that would leave the kind\'s definitions without their kind', async () => {
    // Sent over the API, a pack carries no code: its kinds would go, and they hold definitions.
    const pack = (await engine.request('POST', '/api/v1/packs/export', { manifest: { name: 'sla-desk', version: '1.2.0', label: { en: 'SLA desk' } }, objects: ['sd_ticket'] })).body.pack;
    const refused = await engine.request('POST', '/api/v1/packs/install', { pack });
    expect(expectError(refused, 409, 'pack_kind_in_use')).to.deep.equal([{ path: '/kinds/slaPolicy', message: 'holds 2 definition(s)' }]);
    expect((await engine.request('GET', POLICIES)).body.slaPolicies).to.have.length(2);
  });

  it('refuses to uninstall while the kind holds the tenant\'s own definitions; forced after an export, takes them with it', async () => {
    const refused = await engine.request('DELETE', '/api/v1/packs/sla-desk');
    expect(expectError(refused, 409, 'pack_kind_in_use')).to.deep.equal([{ path: '/slaPolicy:gold', message: 'would be deleted with the kind' }]);
    expect((await engine.request('GET', `${POLICIES}/gold`)).status, 'nothing changed').to.equal(200);
    const exported = await engine.request('POST', '/api/v1/packs/export', { manifest: { name: 'sla-keep', version: '1.0.0', label: { en: 'Kept policies' } }, items: ['slaPolicy:gold'] });
    expect(exported.body.pack.items).to.have.length(1);
    const forced = await engine.request('DELETE', '/api/v1/packs/sla-desk?force=true');
    expect(forced.status, JSON.stringify(forced.body)).to.equal(200);
    expect([...forced.body.removed].sort()).to.deep.equal(['object:sd_ticket', 'slaPolicy:gold', 'slaPolicy:standard']);
    expect((await engine.request('GET', POLICIES)).status).to.equal(404);
    expect((await engine.request('GET', '/api/v1/meta/kinds')).body.kinds).to.deep.equal([]);
    expect((await engine.request('GET', '/api/v1/openapi.json')).body.paths).not.to.have.property(POLICIES);
    // The history keeps what was deleted, for an admin who wants it back.
    const history = await engine.request('GET', '/api/v1/meta/history?limit=10');
    const deletions = history.body.entries.filter((entry: Definition) => entry.action === 'slaPolicy.delete');
    expect(deletions.map((entry: Definition) => `${entry.name} ${entry.before.responseHours}`).sort()).to.deep.equal(['gold 4', 'standard 8']);
    // And a definition's own versions, though the kind is gone.
    const gold = await engine.request('GET', '/api/v1/meta/history?kind=slaPolicy&name=gold');
    expect(gold.status, JSON.stringify(gold.body)).to.equal(200);
    expect(gold.body.entries.map((entry: Definition) => entry.action)).to.deep.equal(['slaPolicy.delete', 'slaPolicy.update', 'slaPolicy.update', 'slaPolicy.create']);
  });
});

describe('packs that add a kind of metadata: a restart', () => {
  it('gives the tenant the kind and its definitions again when it opens, from the pack\'s code', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-pack-kinds-restart-'));
    const packsDir = mkdtempSync(join(tmpdir(), 'crm-pack-kinds-'));
    const start = () => startEngine({ port: 0, host: '127.0.0.1', dataDir, durability: 'process', admin: TEST_ADMIN, http: { packsDir } });
    try {
      useVersion(packsDir, '1.0.0');
      const first = await start();
      const { token } = await issueToken(await first.platform.tenant(DEFAULT_TENANT), first.firstAdmin!.userId, 'restart test');
      const call = (url: string, method = 'GET', body?: unknown) =>
        fetch(url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      try {
        expect((await call(`${first.url}/api/v1/packs/install`, 'POST', { name: 'sla-desk' })).status).to.equal(200);
        expect((await call(`${first.url}${POLICIES}`, 'POST', { name: 'bronze', object: 'sd_ticket', label: { en: 'Bronze' }, responseHours: 48 })).status).to.equal(201);
      } finally {
        await first.stop();
      }
      const second = await start();
      try {
        const listed = (await (await call(`${second.url}${POLICIES}`)).json()) as { slaPolicies: Definition[] };
        expect(listed.slaPolicies.map((definition) => definition.name)).to.deep.equal(['bronze', 'standard']);
        const compiled = (await (await call(`${second.url}/api/v1/packs/sla-desk/policies/bronze`)).json()) as { policy: Definition };
        expect(compiled.policy.responseMinutes).to.equal(2880);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(packsDir, { recursive: true, force: true });
    }
  });
});
