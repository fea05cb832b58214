import { expect } from 'chai';
import { createRecord, defineObject, detailPaths, expectError, metadataVersion } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const OBJECTS = '/api/v1/meta/objects';

describe('metadata API: objects', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'supplier', fields: [{ name: 'company', type: 'text' }] });
  });
  after(async () => {
    await engine.stop();
  });

  it('creates an object with its fields, answering 201 with the definition, its location and the new version', async () => {
    const before = await metadataVersion(engine);
    const definition = {
      name: 'purchase_request',
      label: { en: 'Purchase request', 'zh-CN': '采购申请' },
      fields: [
        { name: 'title', type: 'text', required: true, maxLength: 200, label: { en: 'Title', 'zh-CN': '标题' } },
        { name: 'amount', type: 'currency', required: true, min: 0 },
        { name: 'priority', type: 'picklist', values: ['low', 'normal', 'high'], default: 'normal' },
        { name: 'supplier', type: 'lookup', target: 'supplier' },
        { name: 'number', type: 'autonumber', format: 'PR-{0000}' },
      ],
    };
    const response = await engine.request('POST', OBJECTS, definition);
    expect(response.status).to.equal(201);
    expect(response.headers.get('location')).to.equal('/api/v1/meta/objects/purchase_request');
    expect(response.body).to.deep.equal({ definition, version: before + 1, etag: response.headers.get('etag') });

    const read = await engine.request('GET', `${OBJECTS}/purchase_request`);
    expect(read.status).to.equal(200);
    // The read carries the definition's tag (header and body) and each field's, for If-Match.
    expect(read.body).to.deep.equal({ definition, version: before + 1, etag: read.headers.get('etag'), fieldEtags: read.body.fieldEtags });
    expect(Object.keys(read.body.fieldEtags)).to.deep.equal(definition.fields.map((field: { name: string }) => field.name));
  });

  it('keeps labels, plural labels and help texts in en and zh-CN as written', async () => {
    const definition = {
      name: 'contract',
      label: { en: 'Contract', 'zh-CN': '合同' },
      pluralLabel: { en: 'Contracts', 'zh-CN': '合同' },
      description: 'Signed agreements with suppliers.',
      fields: [
        {
          name: 'signed_on',
          type: 'date',
          label: { en: 'Signed on', 'zh-CN': '签订日期' },
          helpText: { en: 'The day both parties signed.', 'zh-CN': '双方签字的日期。' },
          description: 'For the legal team.',
        },
      ],
    };
    await defineObject(engine, definition);
    const read = await engine.request('GET', `${OBJECTS}/contract`);
    expect(read.body.definition).to.deep.equal(definition);
  });

  it('lists every object of the tenant with the current metadata version', async () => {
    const response = await engine.request('GET', OBJECTS);
    expect(response.status).to.equal(200);
    const names = (response.body.objects as { name: string }[]).map((object) => object.name);
    expect(names).to.include.members(['supplier', 'purchase_request', 'contract']);
    expect(response.body.version).to.equal(await metadataVersion(engine));
  });

  describe('refuses a definition the schema or the resolver rejects, with the path and message of each problem', () => {
    const text = (name: string, extra: Record<string, unknown> = {}) => ({ name, type: 'text', ...extra });
    const cases: { does: string; definition: Record<string, unknown>; paths: string[]; message?: RegExp }[] = [
      { does: 'an unknown field type', definition: { name: 'bad_type', fields: [{ name: 'x', type: 'colour' }] }, paths: ['/fields/0/type'], message: /'colour' is not a field type; the field types are: text, / },
      { does: 'a field without a type', definition: { name: 'no_type', fields: [{ name: 'x' }] }, paths: ['/fields/0/type'], message: /is required/ },
      { does: 'a lookup without a target', definition: { name: 'no_target', fields: [{ name: 'vendor', type: 'lookup' }] }, paths: ['/fields/0/target'], message: /is required/ },
      { does: 'a lookup to an object that does not exist', definition: { name: 'bad_target', fields: [{ name: 'vendor', type: 'lookup', target: 'vendor' }] }, paths: ['/fields/0/target'], message: /no object named 'vendor'/ },
      { does: 'a master-detail to an object that does not exist', definition: { name: 'bad_master', fields: [{ name: 'parent', type: 'masterdetail', target: 'nothing_here' }] }, paths: ['/fields/0/target'] },
      { does: 'an object without a name', definition: { fields: [text('x')] }, paths: ['/name'], message: /is required/ },
      { does: 'an object name with capitals', definition: { name: 'PurchaseOrder' }, paths: ['/name'], message: /lower-case letter/ },
      { does: 'an object name starting with a digit', definition: { name: '1order' }, paths: ['/name'] },
      { does: 'an object name with a double underscore', definition: { name: 'purchase__order' }, paths: ['/name'] },
      { does: 'an object name ending with an underscore', definition: { name: 'order_' }, paths: ['/name'] },
      { does: 'an object name with a dash', definition: { name: 'purchase-order' }, paths: ['/name'] },
      { does: 'an object name longer than 40 characters', definition: { name: `a${'b'.repeat(40)}` }, paths: ['/name'] },
      { does: 'a field name with a space', definition: { name: 'spaced', fields: [text('first name')] }, paths: ['/fields/0/name'] },
      { does: 'a field name starting with an underscore', definition: { name: 'system_like', fields: [text('_owner')] }, paths: ['/fields/0/name'] },
      { does: 'true as a field name, which expressions read as a literal', definition: { name: 'with_true', fields: [text('true')] }, paths: ['/fields/0/name'], message: /literal true, false or null/ },
      { does: 'constructor as an object name, which every JavaScript object has', definition: { name: 'constructor' }, paths: ['/name'], message: /cannot be an object name: every JavaScript object/ },
      { does: 'or as a field name, which the filter language reads as a group', definition: { name: 'with_or', fields: [text('or')] }, paths: ['/fields/0/name'], message: /cannot be a field name: the filter language/ },
      { does: 'constructor as a field name', definition: { name: 'with_ctor', fields: [text('title'), text('constructor')] }, paths: ['/fields/1/name'], message: /every JavaScript object/ },
      { does: 'owner as a field name, which expand already means', definition: { name: 'with_owner', fields: [text('owner')] }, paths: ['/fields/0/name'], message: /expand=owner/ },
      { does: 'two fields with one name', definition: { name: 'twice', fields: [text('title'), { name: 'title', type: 'number' }] }, paths: ['/fields/1/name'], message: /already the name of another field/ },
      { does: 'a picklist default that is not one of its values', definition: { name: 'bad_choice', fields: [{ name: 'stage', type: 'picklist', values: ['new', 'won'], default: 'lost' }] }, paths: ['/fields/0/default'], message: /must be one of: new, won/ },
      { does: 'a number default above its max', definition: { name: 'bad_max', fields: [{ name: 'qty', type: 'number', max: 10, default: 11 }] }, paths: ['/fields/0/default'], message: /at most 10/ },
      { does: 'a text default longer than its maxLength', definition: { name: 'bad_len', fields: [text('code', { maxLength: 3, default: 'ABCD' })] }, paths: ['/fields/0/default'], message: /at most 3 characters/ },
      { does: 'an e-mail default that is not an address', definition: { name: 'bad_mail', fields: [{ name: 'contact', type: 'email', default: 'nobody' }] }, paths: ['/fields/0/default'], message: /e-mail/ },
      { does: 'a boolean default of the wrong type', definition: { name: 'bad_bool', fields: [{ name: 'active', type: 'boolean', default: 'yes' }] }, paths: ['/fields/0/default'], message: /true or false/ },
      { does: 'a picklist without values', definition: { name: 'no_values', fields: [{ name: 'stage', type: 'picklist', values: [] }] }, paths: ['/fields/0/values'] },
      { does: 'an auto-number format without a {0000} placeholder', definition: { name: 'bad_format', fields: [{ name: 'no', type: 'autonumber', format: 'PO-' }] }, paths: ['/fields/0/format'] },
      { does: 'a text maxLength over 255', definition: { name: 'too_long', fields: [text('title', { maxLength: 256 })] }, paths: ['/fields/0/maxLength'] },
      { does: 'a number scale over 8', definition: { name: 'bad_scale', fields: [{ name: 'rate', type: 'number', scale: 9 }] }, paths: ['/fields/0/scale'] },
      { does: 'a property that belongs to another field type', definition: { name: 'misplaced', fields: [text('title', { values: ['a'] })] }, paths: ['/fields/0/values'] },
      { does: 'a property no definition has', definition: { name: 'extra_prop', colour: 'red' }, paths: ['/colour'] },
      { does: 'a label in a language the platform does not speak', definition: { name: 'french', label: { en: 'French', fr: 'Français' } }, paths: ['/label/fr'] },
      { does: 'a unique flag on a type that cannot be unique', definition: { name: 'bad_unique', fields: [{ name: 'notes', type: 'longtext', unique: true }] }, paths: ['/fields/0/unique'] },
      {
        does: 'several problems at once, each with its own path',
        definition: { name: 'many', fields: [text('title'), text('title'), { name: 'vendor', type: 'lookup', target: 'nowhere' }, text('or')] },
        paths: ['/fields/1/name', '/fields/2/target', '/fields/3/name'],
      },
    ];
    for (const { does, definition, paths, message } of cases) {
      it(`refuses ${does}`, async () => {
        const version = await metadataVersion(engine);
        const response = await engine.request('POST', OBJECTS, definition);
        const details = expectError(response, 400, 'validation_failed');
        expect(detailPaths(response)).to.deep.equal([...paths].sort());
        if (message) expect(details.map((detail) => detail.message).join('\n')).to.match(message);
        // nothing was written: no object, no new version
        expect(await metadataVersion(engine)).to.equal(version);
        if (typeof definition.name === 'string') {
          expect((await engine.request('GET', `${OBJECTS}/${definition.name}`)).status).to.equal(404);
        }
      });
    }
  });

  it('refuses a body that is not an object definition at all', async () => {
    for (const body of [[], 'purchase_order', 42]) {
      const response = await engine.request('POST', OBJECTS, JSON.stringify(body), { 'content-type': 'application/json' });
      expectError(response, 400, 'validation_failed');
    }
  });

  it('refuses a second object with an API name the tenant already uses, with 409', async () => {
    const version = await metadataVersion(engine);
    const response = await engine.request('POST', OBJECTS, { name: 'supplier', fields: [{ name: 'other', type: 'number' }] });
    expectError(response, 409, 'already_exists');
    expect(detailPaths(response)).to.deep.equal(['/name']);
    expect(await metadataVersion(engine)).to.equal(version);
    expect((await engine.request('GET', `${OBJECTS}/supplier`)).body.definition.fields).to.deep.equal([{ name: 'company', type: 'text' }]);
  });

  it('replaces a definition with PUT and merges top-level properties with PATCH', async () => {
    await defineObject(engine, { name: 'lead', fields: [{ name: 'company', type: 'text' }] });
    const put = await engine.request('PUT', `${OBJECTS}/lead`, { name: 'lead', label: { en: 'Lead' }, fields: [{ name: 'company', type: 'text', required: true }] });
    expect(put.status).to.equal(200);
    expect(put.body.definition).to.deep.equal({ name: 'lead', label: { en: 'Lead' }, fields: [{ name: 'company', type: 'text', required: true }] });

    const patch = await engine.request('PATCH', `${OBJECTS}/lead`, { label: { en: 'Lead', 'zh-CN': '线索' } });
    expect(patch.status).to.equal(200);
    expect(patch.body.definition).to.deep.equal({
      name: 'lead',
      label: { en: 'Lead', 'zh-CN': '线索' },
      fields: [{ name: 'company', type: 'text', required: true }],
    });
    expect(patch.body.version).to.equal(put.body.version + 1);
  });

  it('refuses an invalid PUT or PATCH with 400 and keeps the stored definition', async () => {
    await defineObject(engine, { name: 'campaign', fields: [{ name: 'budget', type: 'currency' }] });
    const version = await metadataVersion(engine);
    expectError(await engine.request('PUT', `${OBJECTS}/campaign`, { name: 'campaign', fields: [{ name: 'budget', type: 'money' }] }), 400);
    expectError(await engine.request('PATCH', `${OBJECTS}/campaign`, { fields: [{ name: 'or', type: 'text' }] }), 400);
    expectError(await engine.request('PATCH', `${OBJECTS}/campaign`, { name: 'Campaign' }), 400);
    expect(await metadataVersion(engine)).to.equal(version);
    expect((await engine.request('GET', `${OBJECTS}/campaign`)).body.definition).to.deep.equal({ name: 'campaign', fields: [{ name: 'budget', type: 'currency' }] });
  });

  it('renames an object while it has no records', async () => {
    await defineObject(engine, { name: 'draft_thing', fields: [{ name: 'title', type: 'text' }] });
    const response = await engine.request('PATCH', `${OBJECTS}/draft_thing`, { name: 'final_thing' });
    expect(response.status).to.equal(200);
    expect(response.body.definition.name).to.equal('final_thing');
    expect((await engine.request('GET', `${OBJECTS}/draft_thing`)).status).to.equal(404);
    expect((await engine.request('GET', `${OBJECTS}/final_thing`)).status).to.equal(200);
    await createRecord(engine, 'final_thing', { title: 'works under its new name' });
    expectError(await engine.request('GET', '/api/v1/records/draft_thing'), 404);
  });

  it('refuses to rename an object once it has records, with 409, and keeps the object and its records', async () => {
    await defineObject(engine, { name: 'invoice', fields: [{ name: 'title', type: 'text' }] });
    const record = await createRecord(engine, 'invoice', { title: 'INV 1' });
    const version = await metadataVersion(engine);
    for (const [method, body] of [['PATCH', { name: 'bill' }], ['PUT', { name: 'bill', fields: [{ name: 'title', type: 'text' }] }]] as const) {
      const response = await engine.request(method, `${OBJECTS}/invoice`, body);
      expectError(response, 409, 'api_name_locked');
      expect(detailPaths(response)).to.deep.equal(['/name']);
    }
    expect(await metadataVersion(engine)).to.equal(version);
    expect((await engine.request('GET', `${OBJECTS}/bill`)).status).to.equal(404);
    expect((await engine.request('GET', `/api/v1/records/invoice/${record._id}`)).body).to.deep.equal(record);
  });

  it('refuses to rename an object onto a name the tenant already uses, with 409', async () => {
    await defineObject(engine, { name: 'quote' });
    const response = await engine.request('PATCH', `${OBJECTS}/quote`, { name: 'supplier' });
    expectError(response, 409, 'already_exists');
    expect((await engine.request('GET', `${OBJECTS}/quote`)).status).to.equal(200);
  });

  it('refuses to delete an object with records unless deleteRecords=true, then deletes both', async () => {
    await defineObject(engine, { name: 'visit', fields: [{ name: 'place', type: 'text' }] });
    const record = await createRecord(engine, 'visit', { place: 'Shanghai' });
    const refused = await engine.request('DELETE', `${OBJECTS}/visit`);
    expectError(refused, 409, 'object_has_records');
    expect(refused.body.error.message).to.match(/1 record/);
    expect((await engine.request('GET', `/api/v1/records/visit/${record._id}`)).status).to.equal(200);

    const deleted = await engine.request('DELETE', `${OBJECTS}/visit?deleteRecords=true`);
    expect(deleted.status).to.equal(200);
    expect(deleted.body.version).to.equal(await metadataVersion(engine));
    expect((await engine.request('GET', `${OBJECTS}/visit`)).status).to.equal(404);
    expectError(await engine.request('GET', `/api/v1/records/visit/${record._id}`), 404);
  });

  it('deletes an object without records and lets its name be used again from scratch', async () => {
    await defineObject(engine, { name: 'memo', fields: [{ name: 'body', type: 'longtext' }] });
    expect((await engine.request('DELETE', `${OBJECTS}/memo`)).status).to.equal(200);
    await defineObject(engine, { name: 'memo', fields: [{ name: 'subject', type: 'text' }] });
    expect((await engine.request('GET', `${OBJECTS}/memo`)).body.definition.fields).to.deep.equal([{ name: 'subject', type: 'text' }]);
  });

  it('refuses to delete an object another object points at, with 409 naming the dependant', async () => {
    await defineObject(engine, { name: 'region' });
    await defineObject(engine, { name: 'territory', fields: [{ name: 'region', type: 'lookup', target: 'region' }] });
    const response = await engine.request('DELETE', `${OBJECTS}/region`);
    expectError(response, 409, 'metadata_in_use');
    expect(detailPaths(response)).to.deep.equal(['/objects/territory/fields/0/target']);
    expect((await engine.request('GET', `${OBJECTS}/region`)).status).to.equal(200);
  });

  it('answers 404 for an object that does not exist, on every method', async () => {
    for (const [method, body] of [['GET'], ['PUT', { name: 'ghost' }], ['PATCH', { label: { en: 'Ghost' } }], ['DELETE']] as const) {
      expectError(await engine.request(method, `${OBJECTS}/ghost`, body), 404, 'not_found');
    }
  });
});
