import { expect } from 'chai';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRecords, expectError } from '../support/api-helpers.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

type Json = Record<string, any>;

/** The example pack: two objects in English, their zh-CN texts in translations/, five demo records in data/. */
const FIXTURE = fileURLToPath(new URL('../fixtures/packs/field-service', import.meta.url));

describe('packs: translations and demo data', () => {
  let engine: TestEngine;
  let packsDir: string;
  let fresh: TestTenant;
  const folder = (name = 'field-service') => join(packsDir, name);
  const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(folder(), path), 'utf8')) as Record<string, unknown>;
  const readList = (path: string): unknown[] => JSON.parse(readFileSync(join(folder(), path), 'utf8')) as unknown[];
  const writeJson = (name: string, path: string, value: unknown) => writeFileSync(join(folder(name), path), JSON.stringify(value, null, 2));
  /** A copy of the example pack under another name, changed by `edit`. */
  const variant = (name: string, edit: (name: string) => void) => {
    cpSync(FIXTURE, folder(name), { recursive: true });
    writeJson(name, 'pack.json', { ...readJson('pack.json'), name });
    edit(name);
  };
  const metadataVersion = async (headers: Json = {}) => (await engine.request('GET', '/api/v1/meta/objects', undefined, headers)).body.version as number;
  const field = async (object: string, name: string) => ((await engine.request('GET', `/api/v1/meta/objects/${object}`)).body.definition.fields as Json[]).find((candidate) => candidate.name === name)!;

  before(async () => {
    packsDir = mkdtempSync(join(tmpdir(), 'crm-pack-content-'));
    cpSync(FIXTURE, folder(), { recursive: true });
    engine = await startTestEngine({ packsDir, operatorToken: OPERATOR_TOKEN });
    fresh = await createTenant(engine, 'pack-content-fresh');
  });
  after(async () => {
    await engine.stop();
    rmSync(packsDir, { recursive: true, force: true });
  });

  it('plans the demo records per object only when asked, then creates them through the write path: references resolved, roll-ups, history, audit', async () => {
    const plain = await engine.request('POST', '/api/v1/packs/plan', { name: 'field-service' });
    expect(plain.status, JSON.stringify(plain.body)).to.equal(200);
    expect(plain.body.plan).not.to.have.property('demoData');
    const planned = await engine.request('POST', '/api/v1/packs/plan', { name: 'field-service', demoData: true });
    expect(planned.status, JSON.stringify(planned.body)).to.equal(200);
    expect(planned.body.plan.demoData).to.deep.equal({ site: 2, work_order: 3 });
    expect((await engine.request('GET', '/api/v1/records/site')).status, 'a plan writes nothing').to.equal(404);

    const installed = await engine.request('POST', '/api/v1/packs/install', { name: 'field-service', demoData: true });
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    expect(installed.body.plan.demoData).to.deep.equal({ site: 2, work_order: 3 });

    const sites = await allRecords(engine, 'site');
    expect(sites.map((site) => site.name)).to.deep.equal(['Harbour pumping station', 'Airport hangar 3']);
    const orders = await allRecords(engine, 'work_order');
    const harbour = sites[0]!;
    expect(orders.map((order) => [order.subject, order.site])).to.deep.equal([
      ['Replace the pump seal', harbour._id],
      ['Check the valves', harbour._id],
      ['Service the hangar doors', sites[1]!._id],
    ]);
    expect(orders[1]!.priority, 'the field default applies').to.equal('normal');
    expect(harbour.open_orders, 'the roll-up counts the demo work orders').to.equal(2);
    const history = (await engine.request('GET', `/api/v1/records/work_order/${orders[0]!._id}/history`)).body.entries as Json[];
    expect(history.map((entry) => entry.action)).to.deep.equal(['created']);
    const audit = (await engine.request('GET', '/api/v1/audit?action=record.create&object=work_order')).body.entries as Json[];
    expect(audit.map((entry) => entry.record).sort()).to.deep.equal(orders.map((order) => order._id).sort());
  });

  it('applies the translations to the definitions: zh-CN labels in the metadata API, in forms and messages of a zh-CN request', async () => {
    const object = (await engine.request('GET', '/api/v1/meta/objects/work_order')).body.definition;
    expect(object.label).to.deep.equal({ en: 'Work order', 'zh-CN': '工单' });
    const priority = object.fields.find((candidate: Json) => candidate.name === 'priority');
    expect(priority.values).to.deep.equal([
      { value: 'low', label: { 'zh-CN': '低' } },
      { value: 'normal', label: { 'zh-CN': '普通' } },
      { value: 'high', label: { en: 'High', 'zh-CN': '高' } },
    ]);
    expect((await engine.request('GET', '/api/v1/meta/layouts/work_order_default')).body.definition.sections[0].title).to.deep.equal({ en: 'Job', 'zh-CN': '作业' });

    const zh = { 'accept-language': 'zh-CN' };
    const form = (await engine.request('GET', '/api/v1/forms/work_order', undefined, zh)).body;
    expect(form.schema.properties.subject.title).to.equal('主题');
    const site = (await allRecords(engine, 'site'))[0]!;
    const refused = await engine.request('POST', '/api/v1/records/work_order', { subject: 'Leak', site: site._id, priority: 'high' }, zh);
    expect(refused.status).to.equal(422);
    expect(JSON.stringify(refused.body.error)).to.contain('高优先级工单需要预估工时。');
  });

  it('applies a zh-TW translation file as written, and gives zh-TW readers the zh-CN texts it leaves out converted to Traditional characters', async () => {
    variant('traditional-pack', (name) => writeJson(name, 'translations/zh-TW.json', { 'object:work_order/label': '派工單' }));
    const tenant = await createTenant(engine, 'pack-content-traditional');
    const installed = await engine.request('POST', '/api/v1/packs/install', { name: 'traditional-pack', demoData: true }, tenant.headers);
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    const object = (await engine.request('GET', '/api/v1/meta/objects/work_order', undefined, tenant.headers)).body.definition;
    expect(object.label).to.deep.equal({ en: 'Work order', 'zh-CN': '工单', 'zh-TW': '派工單' });
    const tw = { ...tenant.headers, 'accept-language': 'zh-TW' };
    const form = (await engine.request('GET', '/api/v1/forms/work_order', undefined, tw)).body;
    expect(form.schema.title).to.equal('派工單');
    expect(form.schema.properties.subject.title).to.equal('主題');
    const site = (await engine.request('GET', '/api/v1/records/site', undefined, tenant.headers)).body.records[0];
    const refused = await engine.request('POST', '/api/v1/records/work_order', { subject: 'Leak', site: site._id, priority: 'high' }, tw);
    expect(refused.status).to.equal(422);
    expect(JSON.stringify(refused.body.error)).to.contain('高優先順序工單需要預估工時。');
  });

  it('creates no second copy when installed again, and an upgrade creates only its new demo records', async () => {
    const again = await engine.request('POST', '/api/v1/packs/install', { name: 'field-service', demoData: true });
    expect(again.status, JSON.stringify(again.body)).to.equal(200);
    expect(again.body.plan.demoData).to.deep.equal({});
    expect(await allRecords(engine, 'work_order')).to.have.length(3);

    writeJson('field-service', 'pack.json', { ...readJson('pack.json'), version: '1.1.0' });
    writeJson('field-service', 'data/work_order.json', [...readList('data/work_order.json'), { _key: 'lights', subject: 'Fix the apron lights', site: { $key: 'airport' } }]);
    expect((await engine.request('POST', '/api/v1/packs/plan', { name: 'field-service', demoData: true })).body.plan.demoData).to.deep.equal({ work_order: 1 });
    const upgraded = await engine.request('POST', '/api/v1/packs/install', { name: 'field-service', demoData: true });
    expect(upgraded.status, JSON.stringify(upgraded.body)).to.equal(200);
    const orders = await allRecords(engine, 'work_order');
    expect(orders.map((order) => order.subject)).to.deep.equal(['Replace the pump seal', 'Check the valves', 'Service the hangar doors', 'Fix the apron lights']);
    const airport = (await allRecords(engine, 'site'))[1]!;
    expect(orders[3]!.site, 'a key installed earlier resolves to its record').to.equal(airport._id);
    expect(airport.open_orders).to.equal(2);
  });

  it('merges translations as any other part: the tenant\'s own zh-CN label wins, the pack\'s new one lands, both changed is a conflict', async () => {
    const subject = await field('work_order', 'subject');
    expect((await engine.request('PATCH', '/api/v1/meta/objects/work_order/fields/subject', { ...subject, label: { en: 'Subject', 'zh-CN': '工作内容' } })).status).to.equal(200);
    const hours = await field('work_order', 'hours');
    expect((await engine.request('PATCH', '/api/v1/meta/objects/work_order/fields/hours', { ...hours, label: { en: 'Hours', 'zh-CN': '小时数' } })).status).to.equal(200);
    writeJson('field-service', 'pack.json', { ...readJson('pack.json'), version: '1.2.0' });
    const translations = readJson('translations/zh-CN.json');
    writeJson('field-service', 'translations/zh-CN.json', { ...translations, 'object:work_order/fields/hours/label': '预计工时', 'object:work_order/fields/priority/label': '紧急程度' });

    const version = await metadataVersion();
    const refused = await engine.request('POST', '/api/v1/packs/install', { name: 'field-service' });
    expect(expectError(refused, 409, 'pack_conflicts').map((detail) => detail.path)).to.deep.equal(['/object:work_order/fields/hours/label/zh-CN']);
    expect(await metadataVersion(), 'nothing changed').to.equal(version);

    const resolved = await engine.request('POST', '/api/v1/packs/install', { name: 'field-service', resolutions: { 'object:work_order': { '/fields/hours/label/zh-CN': 'ours' } } });
    expect(resolved.status, JSON.stringify(resolved.body)).to.equal(200);
    expect((await field('work_order', 'subject')).label['zh-CN'], 'only the tenant changed it').to.equal('工作内容');
    expect((await field('work_order', 'hours')).label['zh-CN'], 'the admin kept the tenant\'s').to.equal('小时数');
    expect((await field('work_order', 'priority')).label['zh-CN'], 'only the pack changed it').to.equal('紧急程度');
  });

  it('refuses a translation key that names nothing in the pack, with its file and key', async () => {
    variant('typo-pack', (name) => {
      const translations = JSON.parse(readFileSync(join(folder(name), 'translations/zh-CN.json'), 'utf8'));
      writeJson(name, 'translations/zh-CN.json', { ...translations, 'object:work_order/fields/colour/label': '颜色', 'object:gadget/label': '小工具', 'object:site/fields/city/type': '文本' });
      writeJson(name, 'translations/fr.json', { 'object:site/label': 'Chantier' });
      // Traditional Chinese is a language metadata is written in: its file is no problem.
      writeJson(name, 'translations/zh-TW.json', { 'object:site/label': '現場' });
    });
    const listed = ((await engine.request('GET', '/api/v1/packs')).body.available as Json[]).find((pack) => pack.name === 'typo-pack')!;
    expect(listed.problems.map((problem: Json) => problem.path)).to.deep.equal([
      '/translations/fr.json',
      '/translations/zh-CN.json/object:work_order~1fields~1colour~1label',
      '/translations/zh-CN.json/object:gadget~1label',
      '/translations/zh-CN.json/object:site~1fields~1city~1type',
    ]);
    expect(listed.problems[1].message).to.contain("'object:work_order/fields/colour/label'").and.contain('/fields/colour');
    const refused = expectError(await engine.request('POST', '/api/v1/packs/install', { name: 'typo-pack' }, fresh.headers), 400);
    expect(refused.map((detail) => detail.path)).to.include('/translations/zh-CN.json/object:work_order~1fields~1colour~1label');
  });

  it('refuses the whole install for a bad demo record, naming its file, index and field, and changes nothing', async () => {
    variant('bad-demo', (name) => {
      const orders = JSON.parse(readFileSync(join(folder(name), 'data/work_order.json'), 'utf8'));
      orders[2].hours = -1;
      writeJson(name, 'data/work_order.json', orders);
    });
    const version = await metadataVersion(fresh.headers);
    const planned = await engine.request('POST', '/api/v1/packs/plan', { name: 'bad-demo', demoData: true }, fresh.headers);
    expect(planned.body.plan.demoData, 'the plan counts; the write path judges the values').to.deep.equal({ site: 2, work_order: 3 });
    const refused = await engine.request('POST', '/api/v1/packs/install', { name: 'bad-demo', demoData: true }, fresh.headers);
    expect(expectError(refused, 400, 'validation_failed').map((detail) => detail.path)).to.deep.equal(['/data/work_order.json/2/hours']);
    expect(refused.body.error.message).to.contain("'doors'");
    expect(await metadataVersion(fresh.headers), 'no metadata landed').to.equal(version);
    expect((await engine.request('GET', '/api/v1/meta/objects/site', undefined, fresh.headers)).status).to.equal(404);
    expect((await engine.request('GET', '/api/v1/packs', undefined, fresh.headers)).body.installed).to.deep.equal([]);
    const audit = (await engine.request('GET', '/api/v1/audit?action=record.create', undefined, fresh.headers)).body.entries as Json[];
    expect(audit.filter((entry) => entry.object === 'site'), 'the sites created before the bad record were undone').to.deep.equal([]);

    // Without demo data the same pack installs: its records are checked only when they are asked for.
    expect((await engine.request('POST', '/api/v1/packs/install', { name: 'bad-demo' }, fresh.headers)).status).to.equal(200);
    expect((await engine.request('GET', '/api/v1/records/site', undefined, fresh.headers)).body.records).to.deep.equal([]);
  });

  it('refuses demo data whose references name no demo record, or a field that is no lookup, at the plan', async () => {
    variant('dangling', (name) => {
      writeJson(name, 'data/work_order.json', [
        { _key: 'lost', subject: 'Nowhere', site: { $key: 'moon' } },
        { _key: 'odd', subject: { $key: 'harbour' }, site: { $key: 'harbour' } },
      ]);
    });
    const refused = await engine.request('POST', '/api/v1/packs/plan', { name: 'dangling', demoData: true }, fresh.headers);
    expect(expectError(refused, 400).map((detail) => detail.path)).to.deep.equal(['/data/work_order.json/0/site', '/data/work_order.json/1/subject']);
    expect((await engine.request('POST', '/api/v1/packs/plan', { name: 'dangling' }, fresh.headers)).status, 'without demo data the records are not read').to.equal(200);
  });

  it('gives demo records to the demo users their _owner names, as transfers, and refuses an _owner that names none', async () => {
    const team = await createTenant(engine, 'pack-content-owners');
    variant('owned-demo', (name) => {
      writeJson(name, 'data/user.json', [{ _key: 'tech-ana', full_name: 'Ana Tech', email: 'ana@owned-demo.example' }]);
      const sites = JSON.parse(readFileSync(join(folder(name), 'data/site.json'), 'utf8')) as Json[];
      writeJson(name, 'data/site.json', [{ ...sites[0], _owner: { $key: 'tech-ana' } }, sites[1]]);
    });
    const installed = await engine.request('POST', '/api/v1/packs/install', { name: 'owned-demo', demoData: true }, team.headers);
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    const users = (await engine.request('GET', '/api/v1/records/user?limit=200', undefined, team.headers)).body.records as Json[];
    const ana = users.find((user) => user.email === 'ana@owned-demo.example')!;
    const owners = Object.fromEntries(((await engine.request('GET', '/api/v1/records/site', undefined, team.headers)).body.records as Json[]).map((site) => [site.name, site._owner]));
    expect(owners).to.deep.equal({ 'Harbour pumping station': ana._id, 'Airport hangar 3': team.adminId });
    const audit = (await engine.request('GET', '/api/v1/audit?action=record.transfer', undefined, team.headers)).body.entries as Json[];
    expect(audit.map((entry) => [entry.object, entry.changes._owner.new])).to.deep.equal([['site', ana._id]]);

    variant('unowned-demo', (name) => {
      const sites = JSON.parse(readFileSync(join(folder(name), 'data/site.json'), 'utf8')) as Json[];
      writeJson(name, 'data/site.json', [{ ...sites[0], _owner: 'ana' }, { ...sites[1], _owner: { $key: 'nobody' } }]);
    });
    const refused = await engine.request('POST', '/api/v1/packs/plan', { name: 'unowned-demo', demoData: true }, team.headers);
    expect(expectError(refused, 400).map((detail) => detail.path)).to.deep.equal(['/data/site.json/0/_owner', '/data/site.json/1/_owner']);
  });

  it('runs the pack\'s own actions on its demo records with the code it installs: a first install, then an upgrade', async () => {
    const crew = await createTenant(engine, 'pack-content-actions');
    /** The pack's rule estimates an order without hours by its action, whose code says how many. */
    const version = (name: string, semver: string, hours: number) => {
      writeJson(name, 'pack.json', { ...readJson('pack.json'), name, version: semver });
      mkdirSync(join(folder(name), 'metadata', 'automation-rules'), { recursive: true });
      writeJson(name, 'metadata/automation-rules/estimate_new_orders.json', {
        name: 'estimate_new_orders',
        object: 'work_order',
        on: 'create',
        condition: '$not($exists(hours))',
        actions: [{ packAction: { pack: name, action: 'estimate', params: {} } }],
      });
      writeFileSync(join(folder(name), 'index.mjs'), `export default { actions: { estimate: { label: { en: 'Estimate the hours' }, run: async () => ({ set: { hours: ${hours} } }) } } };`);
    };
    variant('crew', (name) => version(name, '1.0.0', 1));
    const planned = await engine.request('POST', '/api/v1/packs/plan', { name: 'crew', demoData: true }, crew.headers);
    expect(planned.status, JSON.stringify(planned.body)).to.equal(200);
    expect(planned.body.plan).to.deep.include({ demoData: { site: 2, work_order: 3 } }).and.not.to.have.property('problems');
    const installed = await engine.request('POST', '/api/v1/packs/install', { name: 'crew', demoData: true }, crew.headers);
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    const hours = async () => Object.fromEntries(((await engine.request('GET', '/api/v1/records/work_order?limit=200', undefined, crew.headers)).body.records as Json[]).map((order) => [order.subject, order.hours]));
    expect(await hours(), 'the action of the code installed with the rule').to.deep.include({ 'Check the valves': 1, 'Replace the pump seal': 4 });

    version('crew', '1.1.0', 3);
    const orders = JSON.parse(readFileSync(join(folder('crew'), 'data', 'work_order.json'), 'utf8')) as Json[];
    writeJson('crew', 'data/work_order.json', [...orders, { _key: 'lights', subject: 'Fix the apron lights', site: { $key: 'airport' } }]);
    const upgraded = await engine.request('POST', '/api/v1/packs/install', { name: 'crew', demoData: true, upgrade: true }, crew.headers);
    expect(upgraded.status, JSON.stringify(upgraded.body)).to.equal(200);
    expect(await hours(), 'the new version\'s action, not the one it replaces').to.deep.include({ 'Check the valves': 1, 'Fix the apron lights': 3 });
  });

  it('refuses to uninstall while the demo records exist, and removes them with force', async () => {
    expectError(await engine.request('DELETE', '/api/v1/packs/field-service'), 409, 'pack_has_records');
    const removed = await engine.request('DELETE', '/api/v1/packs/field-service?force=true');
    expect(removed.status, JSON.stringify(removed.body)).to.equal(200);
    expect((await engine.request('GET', '/api/v1/records/site')).status).to.equal(404);
    // Installed again, the demo records are made anew: the keys went with the uninstall.
    expect((await engine.request('POST', '/api/v1/packs/install', { name: 'field-service', demoData: true })).body.plan.demoData).to.deep.equal({ site: 2, work_order: 4 });
  });
});
