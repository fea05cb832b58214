import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecord, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

type Definition = Record<string, any>;
interface TestPack {
  manifest: Definition;
  items: { kind: string; definition: Definition }[];
}

/** Version 1.0.0 of a small field-service pack: an object, its layout, its list view. */
const V1: TestPack = {
  manifest: { name: 'field-service', version: '1.0.0', label: { en: 'Field service', 'zh-CN': '现场服务' }, description: { en: 'Work orders for technicians.' } },
  items: [
    {
      kind: 'object',
      definition: {
        name: 'work_order',
        label: { en: 'Work order', 'zh-CN': '工单' },
        fields: [
          { name: 'subject', type: 'text', required: true, label: { en: 'Subject', 'zh-CN': '主题' } },
          { name: 'priority', type: 'picklist', values: ['low', 'high'], default: 'low', label: { en: 'Priority', 'zh-CN': '优先级' } },
        ],
      },
    },
    { kind: 'layout', definition: { name: 'work_order_default', object: 'work_order', isDefault: true, sections: [{ fields: ['subject', 'priority'] }] } },
    { kind: 'listView', definition: { name: 'open_work_orders', object: 'work_order', label: { en: 'Open work orders' }, columns: ['subject', 'priority'] } },
  ],
};

/** Version 1.1.0: a new field `duration_hours`, and the priority's label changed. */
function v11(priorityLabel = 'Urgency'): TestPack {
  const object = structuredClone(V1.items[0]!.definition);
  object.fields[1].label.en = priorityLabel;
  object.fields.push({ name: 'duration_hours', type: 'number', scale: 1, label: { en: 'Duration (h)', 'zh-CN': '时长（小时）' } });
  return { manifest: { ...V1.manifest, version: '1.1.0' }, items: [{ kind: 'object', definition: object }, V1.items[1]!, V1.items[2]!] };
}

describe('packs: plan, install and upgrade keeping the tenant\'s changes', () => {
  let engine: TestEngine;
  let packsDir: string;
  const plan = (body: Definition) => engine.request('POST', '/api/v1/packs/plan', body);
  const install = (body: Definition) => engine.request('POST', '/api/v1/packs/install', body);
  const object = async (name: string) => (await engine.request('GET', `/api/v1/meta/objects/${name}`)).body.definition as Definition;
  const field = async (name: string) => (await object('work_order')).fields.find((candidate: Definition) => candidate.name === name) as Definition;

  before(async () => {
    packsDir = mkdtempSync(join(tmpdir(), 'crm-packs-'));
    engine = await startTestEngine({ packsDir });
  });
  after(async () => {
    await engine.stop();
    rmSync(packsDir, { recursive: true, force: true });
  });

  it('plans a first install without writing anything, then installs every definition in one metadata version', async () => {
    const planned = await plan({ pack: V1 });
    expect(planned.status, JSON.stringify(planned.body)).to.equal(200);
    expect(planned.body.plan).to.include({ pack: 'field-service', from: null, to: '1.0.0', changes: 3, conflicts: 0 });
    expect(planned.body.plan.items.map((item: Definition) => `${item.kind}:${item.name} ${item.action}`)).to.deep.equal([
      'object:work_order create',
      'layout:work_order_default create',
      'listView:open_work_orders create',
    ]);
    expect((await engine.request('GET', '/api/v1/meta/objects/work_order')).status, 'a plan writes nothing').to.equal(404);

    const before = (await engine.request('GET', '/api/v1/meta/objects')).body.version as number;
    const installed = await install({ pack: V1 });
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    expect(installed.body.version).to.equal(before + 1);
    expect((await engine.request('GET', '/api/v1/meta/layouts/work_order_default')).status).to.equal(200);
    const record = await createRecord(engine, 'work_order', { subject: 'Replace the pump' });
    expect(record.priority).to.equal('low');

    const listed = (await engine.request('GET', '/api/v1/packs')).body;
    expect(listed.installed).to.have.length(1);
    expect(listed.installed[0]).to.include({ name: 'field-service', version: '1.0.0', metadataVersion: before + 1, items: 3 });
    const history = (await engine.request('GET', '/api/v1/meta/history?limit=10')).body.entries as Definition[];
    expect(history.filter((entry) => entry.version === before + 1).map((entry) => entry.action).sort()).to.deep.equal(['layout.create', 'listView.create', 'object.create']);
  });

  it('upgrades with both sides\' changes to one object merged: the tenant\'s label and the pack\'s new field', async () => {
    const subject = await field('subject');
    const changed = await engine.request('PATCH', '/api/v1/meta/objects/work_order/fields/subject', { ...subject, label: { en: 'Job title', 'zh-CN': '主题' } });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);

    const planned = (await plan({ pack: v11() })).body.plan;
    expect(planned).to.include({ from: '1.0.0', to: '1.1.0', changes: 1, conflicts: 0 });
    expect(planned.items.map((item: Definition) => `${item.kind}:${item.name} ${item.action}`)).to.deep.equal(['object:work_order update', 'layout:work_order_default unchanged', 'listView:open_work_orders unchanged']);
    const upgraded = await install({ pack: v11() });
    expect(upgraded.status, JSON.stringify(upgraded.body)).to.equal(200);
    expect((await field('subject')).label.en, 'the tenant\'s change kept').to.equal('Job title');
    expect((await field('priority')).label.en, 'the pack\'s change taken').to.equal('Urgency');
    expect(await field('duration_hours')).to.include({ type: 'number', scale: 1 });
    expect((await engine.request('GET', '/api/v1/packs')).body.installed[0]).to.include({ version: '1.1.0' });
  });

  it('lists a conflict where both changed the same label, changes nothing until it is resolved, then applies the resolution', async () => {
    const priority = await field('priority');
    await engine.request('PATCH', '/api/v1/meta/objects/work_order/fields/priority', { ...priority, label: { en: 'Severity', 'zh-CN': '优先级' } });
    const next: TestPack = { ...v11('Importance'), manifest: { ...V1.manifest, version: '1.2.0' } };

    const planned = (await plan({ pack: next })).body.plan;
    expect(planned.conflicts).to.equal(1);
    const conflicted = planned.items.find((item: Definition) => item.action === 'conflict');
    expect(conflicted.conflicts).to.deep.equal([{ path: '/fields/priority/label/en', base: 'Urgency', ours: 'Severity', theirs: 'Importance' }]);

    const metadataVersion = (await engine.request('GET', '/api/v1/meta/objects')).body.version as number;
    const refused = await install({ pack: next });
    expect(expectError(refused, 409, 'pack_conflicts').map((detail) => detail.path)).to.deep.equal(['/object:work_order/fields/priority/label/en']);
    expect((await engine.request('GET', '/api/v1/meta/objects')).body.version, 'nothing changed').to.equal(metadataVersion);
    expect((await field('priority')).label.en).to.equal('Severity');
    expect((await engine.request('GET', '/api/v1/packs')).body.installed[0].version).to.equal('1.1.0');

    const resolved = await install({ pack: next, resolutions: { 'object:work_order': { '/fields/priority/label/en': 'theirs' } } });
    expect(resolved.status, JSON.stringify(resolved.body)).to.equal(200);
    expect((await field('priority')).label.en).to.equal('Importance');
    expect((await engine.request('GET', '/api/v1/packs')).body.installed[0].version).to.equal('1.2.0');
  });

  it('refuses an older version, a pack whose required pack is missing, and an install that would break the metadata, changing nothing', async () => {
    expectError(await install({ pack: V1 }), 409, 'pack_downgrade');
    const needy = { manifest: { name: 'field-reports', version: '1.0.0', label: { en: 'Reports' }, requires: { packs: { 'field-service': '^2.0.0' } } }, items: [] };
    const missing = expectError(await install({ pack: needy }), 409, 'pack_requirement');
    expect(missing).to.deep.equal([]);
    const platform = { manifest: { name: 'future', version: '1.0.0', label: { en: 'Future' }, requires: { platform: '>=99.0.0' } }, items: [] };
    expectError(await plan({ pack: platform }), 409, 'pack_requirement');

    // All or nothing: the object is fine, the layout names a field it does not have.
    const broken: TestPack = {
      manifest: { name: 'broken', version: '1.0.0', label: { en: 'Broken' } },
      items: [
        { kind: 'object', definition: { name: 'gadget', fields: [{ name: 'title', type: 'text' }] } },
        { kind: 'layout', definition: { name: 'gadget_default', object: 'gadget', sections: [{ fields: ['title', 'no_such_field'] }] } },
      ],
    };
    const refused = await install({ pack: broken });
    expect(refused.status, JSON.stringify(refused.body)).to.be.oneOf([400, 409]);
    expect(refused.body.error.details.map((detail: Definition) => detail.path).join(' ')).to.contain('gadget_default');
    expect((await engine.request('GET', '/api/v1/meta/objects/gadget')).status, 'the object did not land alone').to.equal(404);
    expect((await engine.request('GET', '/api/v1/packs')).body.installed.map((pack: Definition) => pack.name)).to.deep.equal(['field-service']);
  });

  it('answers a malformed pack with every problem and its path', async () => {
    const response = await plan({
      pack: {
        manifest: { name: 'Bad Name', version: 'one', label: { en: 'x' } },
        items: [{ kind: 'widget', definition: {} }, { kind: 'object', definition: { name: 'thing', fields: [{ name: 'a', type: 'no_such_type' }] } }],
      },
    });
    const paths = expectError(response, 400).map((detail) => detail.path);
    expect(paths).to.include.members(['/pack/manifest/name', '/pack/manifest/version', '/pack/items/0/kind']);
    expect(paths.some((path) => path.startsWith('/pack/items/1/definition/fields/0'))).to.equal(true);
    expectError(await plan({}), 400);
    expectError(await plan({ name: 'field-service', pack: V1 }), 400);
    expectError(await plan({ pack: V1, resolutions: { 'object:work_order': { '/label': 'mine' } } }), 400);
  });

  it('installs a pack from the packs folder by name, and lists a broken one there with its problems', async () => {
    const folder = join(packsDir, 'help-desk');
    mkdirSync(join(folder, 'metadata', 'objects'), { recursive: true });
    writeFileSync(join(folder, 'pack.json'), JSON.stringify({ name: 'help-desk', version: '0.1.0', label: { en: 'Help desk', 'zh-CN': '服务台' } }));
    writeFileSync(join(folder, 'metadata', 'objects', 'ticket.json'), JSON.stringify({ name: 'ticket', fields: [{ name: 'subject', type: 'text' }] }));
    const broken = join(packsDir, 'half-done');
    mkdirSync(join(broken, 'metadata', 'objects'), { recursive: true });
    writeFileSync(join(broken, 'pack.json'), JSON.stringify({ name: 'half-done', version: '0.1.0', label: { en: 'Half done' } }));
    writeFileSync(join(broken, 'metadata', 'objects', 'widget.json'), JSON.stringify({ name: 'gizmo', fields: [] }));

    const available = (await engine.request('GET', '/api/v1/packs')).body.available as Definition[];
    expect(available.map((pack) => pack.name)).to.deep.equal(['half-done', 'help-desk']);
    expect(available[0]!.problems.map((problem: Definition) => problem.path)).to.deep.equal(['/metadata/objects/widget.json/name']);
    expect(available[1]).to.include({ version: '0.1.0', items: 1 });

    expect((await install({ name: 'help-desk' })).status).to.equal(200);
    expect((await engine.request('GET', '/api/v1/meta/objects/ticket')).status).to.equal(200);
    expectError(await install({ name: 'half-done' }), 400);
    expectError(await install({ name: 'no-such-pack' }), 404);
    expectError(await install({ name: '../etc' }), 404);
  });

  it('keeps deleted what the tenant deleted and the pack did not change since', async () => {
    expect((await engine.request('DELETE', '/api/v1/meta/list-views/open_work_orders')).status).to.be.oneOf([200, 204]);
    const next: TestPack = { ...v11('Importance'), manifest: { ...V1.manifest, version: '1.3.0' } };
    const planned = (await plan({ pack: next })).body.plan;
    expect(planned.items.find((item: Definition) => item.name === 'open_work_orders').action).to.equal('kept-deleted');
    expect((await install({ pack: next })).status).to.equal(200);
    expect((await engine.request('GET', '/api/v1/meta/list-views/open_work_orders')).status).to.equal(404);
  });

  it('plans a first install over a definition the tenant made itself under the same name as a clash: each differing part a conflict, nothing installed', async () => {
    const own = { name: 'site_visit', label: { en: 'Our visit' }, fields: [{ name: 'subject', type: 'text' }] };
    expect((await engine.request('POST', '/api/v1/meta/objects', own)).status).to.equal(201);
    const visits: TestPack = {
      manifest: { name: 'visits', version: '1.0.0', label: { en: 'Visits' } },
      items: [{ kind: 'object', definition: { name: 'site_visit', label: { en: 'Site visit' }, fields: [{ name: 'subject', type: 'text' }] } }],
    };
    const planned = (await plan({ pack: visits })).body.plan;
    expect(planned).to.include({ from: null, conflicts: 1 });
    expect(planned.items).to.deep.equal([{ kind: 'object', name: 'site_visit', action: 'conflict', current: own, conflicts: [{ path: '/label/en', ours: 'Our visit', theirs: 'Site visit' }] }]);
    expectError(await install({ pack: visits }), 409, 'pack_conflicts');
    expect((await engine.request('GET', '/api/v1/packs')).body.installed.map((pack: Definition) => pack.name)).to.not.include('visits');
  });

  it('lets only users who may manage metadata see, plan or install packs', async () => {
    await createUser(engine, { full_name: 'Rep', email: 'rep@example.com', permission_sets: ['standard_user'] }, 'a long enough password 1');
    const token = await tokenFor(engine, 'rep@example.com', 'a long enough password 1');
    expectError(await engine.request('GET', '/api/v1/packs', undefined, bearer(token)), 403);
    expectError(await engine.request('POST', '/api/v1/packs/plan', { pack: V1 }, bearer(token)), 403);
    expectError(await engine.request('POST', '/api/v1/packs/install', { pack: V1 }, bearer(token)), 403);
  });
});

describe('packs: export a tenant\'s metadata, install it elsewhere, uninstall', () => {
  let engine: TestEngine;
  let acme: TestTenant;

  before(async () => {
    engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN });
    acme = await createTenant(engine, 'acme-prod');
    expect((await engine.request('POST', '/api/v1/packs/install', { pack: V1 })).status).to.equal(200);
    // Built further in the test tenant: a permission set of its own and a rule on the pack's object.
    const technician = { name: 'technician', label: { en: 'Technician' }, objects: { work_order: { read: true, create: true, edit: true } } };
    expect((await engine.request('POST', '/api/v1/meta/permission-sets', technician)).status).to.equal(201);
    const rule = { name: 'escalate_high', object: 'work_order', condition: "priority = 'high'", actions: [{ setField: 'subject', expression: "'URGENT: ' & subject" }] };
    expect((await engine.request('POST', '/api/v1/meta/automation-rules', rule)).status).to.equal(201);
  });
  after(() => engine.stop());

  it('exports an object with everything of it, and chosen definitions, leaving the core ones out', async () => {
    const manifest = { name: 'field-service', version: '2.0.0', label: { en: 'Field service' } };
    const chosen = await engine.request('POST', '/api/v1/packs/export', { manifest, objects: ['work_order'], items: ['permissionSet:technician'] });
    expect(chosen.status, JSON.stringify(chosen.body)).to.equal(200);
    expect(chosen.body.pack.items.map((item: Definition) => `${item.kind}:${item.name}`)).to.deep.equal([
      'object:work_order',
      'layout:work_order_default',
      'permissionSet:technician',
      'listView:open_work_orders',
      'automationRule:escalate_high',
    ]);
    const everything = (await engine.request('POST', '/api/v1/packs/export', { manifest })).body.pack.items.map((item: Definition) => `${item.kind}:${item.name}`);
    expect(everything).to.include('permissionSet:technician').and.not.to.include('object:user').and.not.to.include('permissionSet:admin');
    expectError(await engine.request('POST', '/api/v1/packs/export', { manifest, objects: ['no_such_object'] }), 404);
    expectError(await engine.request('POST', '/api/v1/packs/export', { manifest, items: ['object:user', 'widget:x'] }), 400);
    expectError(await engine.request('POST', '/api/v1/packs/export', { manifest: { name: 'x' } }), 400);
  });

  it('promotes: the export installed into another tenant gives identical metadata, item by item', async () => {
    const manifest = { name: 'field-service', version: '2.0.0', label: { en: 'Field service' } };
    const { pack } = (await engine.request('POST', '/api/v1/packs/export', { manifest, objects: ['work_order'], items: ['permissionSet:technician'] })).body;
    const installed = await engine.request('POST', '/api/v1/packs/install', { pack }, acme.headers);
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    const again = (await engine.request('POST', '/api/v1/packs/export', { manifest, objects: ['work_order'], items: ['permissionSet:technician'] }, acme.headers)).body.pack;
    expect(again.items.length).to.equal(pack.items.length);
    for (const [index, item] of pack.items.entries()) expect(again.items[index], `${item.kind}:${item.name}`).to.deep.equal(item);
    const record = await engine.request('POST', '/api/v1/records/work_order', { subject: 'Boiler', priority: 'high' }, acme.headers);
    expect(record.body.subject, 'the promoted rule runs').to.equal('URGENT: Boiler');
  });

  it('refuses to uninstall while another pack requires it or its objects hold records, then, after an export of them, removes everything it installed with force', async () => {
    const addOn = { manifest: { name: 'field-extras', version: '1.0.0', label: { en: 'Extras' }, requires: { packs: { 'field-service': '^1.0.0' } } }, items: [] };
    expect((await engine.request('POST', '/api/v1/packs/install', { pack: addOn })).status).to.equal(200);
    expectError(await engine.request('DELETE', '/api/v1/packs/field-service'), 409, 'pack_required');
    expect((await engine.request('DELETE', '/api/v1/packs/field-extras')).body.removed).to.deep.equal([]);

    await createRecord(engine, 'work_order', { subject: 'Keep me' });
    // The tenant's own rule on the pack's object still uses it.
    expectError(await engine.request('DELETE', '/api/v1/packs/field-service?force=true'), 409, 'metadata_in_use');
    expect((await engine.request('DELETE', '/api/v1/meta/automation-rules/escalate_high')).status).to.be.oneOf([200, 204]);
    // And its permission set grants rights on it.
    const stillUsed = await engine.request('DELETE', '/api/v1/packs/field-service?force=true');
    expect(expectError(stillUsed, 409, 'metadata_in_use').map((detail) => detail.path).join(' ')).to.contain('technician');
    expect((await engine.request('PUT', '/api/v1/meta/permission-sets/technician', { name: 'technician', label: { en: 'Technician' } })).status).to.equal(200);
    const version = (await engine.request('GET', '/api/v1/meta/objects')).body.version;
    const refused = await engine.request('DELETE', '/api/v1/packs/field-service');
    // Every object of the pack that holds records is named with its count: what to export first.
    expect(expectError(refused, 409, 'pack_has_records').map((detail) => [detail.path, detail.message])).to.deep.include(['/objects/work_order', 'holds 1 record']);
    expect(refused.body.error.message).to.contain('work_order');
    expect((await engine.request('GET', '/api/v1/meta/objects')).body.version, 'nothing changed').to.equal(version);

    // Exported first: the object with its records, as a pack that brings them back.
    const backup = { name: 'field-service-backup', version: '1.0.0', label: { en: 'Field service backup' } };
    const saved = (await engine.request('POST', '/api/v1/packs/export', { manifest: backup, objects: ['work_order'], data: ['work_order'] })).body.pack;
    expect(saved.data.work_order.map((record: Definition) => record.subject)).to.deep.equal(['Keep me']);

    const removed = await engine.request('DELETE', '/api/v1/packs/field-service?force=true');
    expect(removed.status, JSON.stringify(removed.body)).to.equal(200);
    expect(removed.body.removed).to.deep.equal(['object:work_order', 'layout:work_order_default', 'listView:open_work_orders']);
    expect((await engine.request('GET', '/api/v1/meta/objects/work_order')).status).to.equal(404);
    expect((await engine.request('GET', '/api/v1/meta/permission-sets/technician')).status, 'the tenant\'s own definitions stay').to.equal(200);
    expect((await engine.request('GET', '/api/v1/packs')).body.installed).to.deep.equal([]);
    expectError(await engine.request('DELETE', '/api/v1/packs/field-service'), 404);

    const restored = await engine.request('POST', '/api/v1/packs/install', { pack: saved, demoData: true });
    expect(restored.status, JSON.stringify(restored.body)).to.equal(200);
    expect((await engine.request('GET', '/api/v1/records/work_order')).body.records.map((record: Definition) => record.subject)).to.deep.equal(['Keep me']);
  });
});
