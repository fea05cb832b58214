import { expect } from 'chai';
import { allRecords, createRecord, defineObject, detailPaths, expectError, metadataVersion } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const fieldsOf = (object: string) => `/api/v1/meta/objects/${object}/fields`;

describe('metadata API: fields', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'account', fields: [{ name: 'company', type: 'text' }] });
    await defineObject(engine, { name: 'catalog', fields: [{ name: 'title', type: 'text' }] });
  });
  after(async () => {
    await engine.stop();
  });

  describe('accepts every field type with its own options', () => {
    const cases: { type: string; field: Record<string, unknown> }[] = [
      { type: 'text', field: { name: 'title', type: 'text', maxLength: 80, required: true, unique: true, default: 'Untitled' } },
      { type: 'long text', field: { name: 'notes', type: 'longtext', maxLength: 10000 } },
      { type: 'number', field: { name: 'quantity', type: 'number', precision: 6, scale: 2, min: 0, max: 1000, default: 1 } },
      { type: 'currency', field: { name: 'price', type: 'currency', currency: 'CNY', min: 0 } },
      { type: 'percent', field: { name: 'discount', type: 'percent', scale: 1, min: 0, max: 100 } },
      { type: 'date', field: { name: 'due_on', type: 'date', default: '2030-01-31' } },
      { type: 'date-time', field: { name: 'starts_at', type: 'datetime' } },
      { type: 'boolean', field: { name: 'active', type: 'boolean', default: true } },
      {
        type: 'picklist',
        field: {
          name: 'stage',
          type: 'picklist',
          values: ['new', { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }, { value: 'legacy', active: false }],
          default: 'new',
        },
      },
      { type: 'multi-select picklist', field: { name: 'tags', type: 'multipicklist', values: ['a', 'b', 'c'], maxSelected: 2, default: ['a'] } },
      { type: 'e-mail', field: { name: 'contact_email', type: 'email', unique: true } },
      { type: 'phone', field: { name: 'phone', type: 'phone' } },
      { type: 'URL', field: { name: 'website', type: 'url', default: 'https://example.com' } },
      { type: 'lookup', field: { name: 'account', type: 'lookup', target: 'account' } },
      { type: 'master-detail', field: { name: 'catalog', type: 'masterdetail', target: 'catalog' } },
      { type: 'auto-number', field: { name: 'number', type: 'autonumber', format: 'PO-{0000}', startAt: 100 } },
      { type: 'JSON', field: { name: 'payload', type: 'json', default: { source: 'web' } } },
      {
        type: 'text with labels and help text in en and zh-CN',
        field: {
          name: 'nickname',
          type: 'text',
          label: { en: 'Nickname', 'zh-CN': '昵称' },
          helpText: { en: 'What colleagues call them.', 'zh-CN': '同事对其的称呼。' },
          description: 'Shown on cards.',
        },
      },
    ];
    before(async () => {
      await defineObject(engine, { name: 'all_types' });
    });
    for (const { type, field } of cases) {
      it(`adds a ${type} field and reads it back as written`, async () => {
        const version = await metadataVersion(engine);
        const response = await engine.request('POST', fieldsOf('all_types'), field);
        expect(response.status, JSON.stringify(response.body)).to.equal(201);
        expect(response.headers.get('location')).to.equal(`${fieldsOf('all_types')}/${field.name}`);
        expect(response.body).to.deep.equal({ definition: field, version: version + 1, etag: response.headers.get('etag') });
        const read = await engine.request('GET', `${fieldsOf('all_types')}/${field.name}`);
        expect(read.body.definition).to.deep.equal(field);
      });
    }
    it('lists the fields in the order they were added', async () => {
      const response = await engine.request('GET', fieldsOf('all_types'));
      expect(response.status).to.equal(200);
      expect(response.body.fields.map((field: { name: string }) => field.name)).to.deep.equal(cases.map(({ field }) => field.name));
    });
  });

  describe('refuses a bad field definition with paths relative to the field', () => {
    const cases: { does: string; field: Record<string, unknown>; paths: string[] }[] = [
      { does: 'an unknown type', field: { name: 'x', type: 'rich' }, paths: ['/type'] },
      { does: 'a missing name', field: { type: 'text' }, paths: ['/name'] },
      { does: 'a name that breaks the pattern', field: { name: 'Total Amount', type: 'number' }, paths: ['/name'] },
      { does: 'a reserved name', field: { name: 'or', type: 'text' }, paths: ['/name'] },
      { does: 'a lookup without a target', field: { name: 'owner_account', type: 'lookup' }, paths: ['/target'] },
      { does: 'a lookup to a missing object', field: { name: 'owner_account', type: 'lookup', target: 'nobody' }, paths: ['/target'] },
      { does: 'a default that is not a valid value', field: { name: 'rating', type: 'number', min: 1, max: 5, default: 9 }, paths: ['/default'] },
      { does: 'a URL default with a javascript: address', field: { name: 'link', type: 'url', default: 'javascript:alert(1)' }, paths: ['/default'] },
      { does: 'a multi-select default with a value not in the list', field: { name: 'tags', type: 'multipicklist', values: ['a'], default: ['z'] }, paths: ['/default/0'] },
    ];
    for (const { does, field, paths } of cases) {
      it(`refuses ${does}`, async () => {
        const version = await metadataVersion(engine);
        const response = await engine.request('POST', fieldsOf('account'), field);
        expectError(response, 400, 'validation_failed');
        expect(detailPaths(response)).to.deep.equal(paths);
        expect(await metadataVersion(engine)).to.equal(version);
        expect((await engine.request('GET', fieldsOf('account'))).body.fields).to.deep.equal([{ name: 'company', type: 'text' }]);
      });
    }
  });

  it('refuses a field name the object already has, with 409', async () => {
    const response = await engine.request('POST', fieldsOf('account'), { name: 'company', type: 'number' });
    expectError(response, 409, 'already_exists');
    expect(detailPaths(response)).to.deep.equal(['/name']);
    expect((await engine.request('GET', `${fieldsOf('account')}/company`)).body.definition).to.deep.equal({ name: 'company', type: 'text' });
  });

  it('answers 404 for a field or an object that does not exist', async () => {
    expectError(await engine.request('GET', `${fieldsOf('account')}/ghost`), 404, 'not_found');
    expectError(await engine.request('PATCH', `${fieldsOf('account')}/ghost`, { required: true }), 404, 'not_found');
    expectError(await engine.request('DELETE', `${fieldsOf('account')}/ghost`), 404, 'not_found');
    expectError(await engine.request('GET', fieldsOf('ghost')), 404, 'not_found');
    expectError(await engine.request('POST', fieldsOf('ghost'), { name: 'x', type: 'text' }), 404, 'not_found');
  });

  it('replaces a field whole with PUT and merges properties with PATCH', async () => {
    await defineObject(engine, { name: 'opportunity', fields: [{ name: 'stage', type: 'picklist', values: ['new', 'won'], default: 'new' }] });
    const patch = await engine.request('PATCH', `${fieldsOf('opportunity')}/stage`, { values: ['new', 'won', 'lost'], label: { en: 'Stage', 'zh-CN': '阶段' } });
    expect(patch.status).to.equal(200);
    expect(patch.body.definition).to.deep.equal({ name: 'stage', type: 'picklist', values: ['new', 'won', 'lost'], default: 'new', label: { en: 'Stage', 'zh-CN': '阶段' } });
    const put = await engine.request('PUT', `${fieldsOf('opportunity')}/stage`, { type: 'picklist', values: ['open', 'closed'] });
    expect(put.status).to.equal(200);
    expect(put.body.definition).to.deep.equal({ name: 'stage', type: 'picklist', values: ['open', 'closed'] });
    expect(put.body.version).to.equal(patch.body.version + 1);
  });

  it('renames a field while the object has no records', async () => {
    await defineObject(engine, { name: 'ticket', fields: [{ name: 'subject', type: 'text' }] });
    const response = await engine.request('PATCH', `${fieldsOf('ticket')}/subject`, { name: 'headline' });
    expect(response.status).to.equal(200);
    expect(response.body.definition).to.deep.equal({ name: 'headline', type: 'text' });
    expectError(await engine.request('GET', `${fieldsOf('ticket')}/subject`), 404);
    await createRecord(engine, 'ticket', { headline: 'written under the new name' });
  });

  it('refuses to rename a field once records exist, with 409, and keeps the values', async () => {
    await defineObject(engine, { name: 'task', fields: [{ name: 'subject', type: 'text' }] });
    await createRecord(engine, 'task', { subject: 'Call back' });
    const before = await allRecords(engine, 'task');
    const version = await metadataVersion(engine);
    const response = await engine.request('PATCH', `${fieldsOf('task')}/subject`, { name: 'headline' });
    expectError(response, 409, 'api_name_locked');
    expect(response.body.error.message).to.match(/1 record/);
    expect(await metadataVersion(engine)).to.equal(version);
    expect(await allRecords(engine, 'task')).to.deep.equal(before);
    expect((await engine.request('GET', `${fieldsOf('task')}/subject`)).status).to.equal(200);
  });

  it('refuses to rename a field onto another field of the object, with 409', async () => {
    await defineObject(engine, { name: 'event', fields: [{ name: 'starts_at', type: 'datetime' }, { name: 'ends_at', type: 'datetime' }] });
    expectError(await engine.request('PATCH', `${fieldsOf('event')}/ends_at`, { name: 'starts_at' }), 409, 'already_exists');
  });

  describe('changing a field type', () => {
    it('converts every value when every value converts (text "12" becomes number 12)', async () => {
      await defineObject(engine, { name: 'stock', fields: [{ name: 'code', type: 'text' }, { name: 'quantity', type: 'text' }] });
      const a = await createRecord(engine, 'stock', { code: 'A', quantity: '12' });
      const b = await createRecord(engine, 'stock', { code: 'B', quantity: ' 7.5 ' });
      const c = await createRecord(engine, 'stock', { code: 'C' });
      const response = await engine.request('PATCH', `${fieldsOf('stock')}/quantity`, { type: 'number', scale: 1 });
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      expect(response.body.definition).to.deep.equal({ name: 'quantity', type: 'number', scale: 1 });

      const byId = Object.fromEntries((await allRecords(engine, 'stock')).map((record) => [record._id, record]));
      expect(byId[a._id].quantity).to.equal(12);
      expect(byId[b._id].quantity).to.equal(7.5);
      expect(byId[c._id]).to.not.have.property('quantity');
      // the values are numbers now: number operators work on them, and new writes must be numbers
      const bigger = await engine.request('GET', `/api/v1/records/stock?filter=${encodeURIComponent('{"quantity":{"gt":10}}')}`);
      expect(bigger.body.records.map((record: { code: string }) => record.code)).to.deep.equal(['A']);
      expectError(await engine.request('POST', '/api/v1/records/stock', { code: 'D', quantity: 'twelve' }), 400);
    });

    it('converts numbers to text', async () => {
      await defineObject(engine, { name: 'meter', fields: [{ name: 'reading', type: 'number', scale: 2 }] });
      const record = await createRecord(engine, 'meter', { reading: 12.5 });
      expect((await engine.request('PUT', `${fieldsOf('meter')}/reading`, { type: 'text' })).status).to.equal(200);
      expect((await engine.request('GET', `/api/v1/records/meter/${record._id}`)).body.reading).to.equal('12.5');
    });

    it('refuses the change with 409, the count and a sample of the records that would not convert, and changes nothing', async () => {
      await defineObject(engine, { name: 'survey', fields: [{ name: 'answer', type: 'text' }] });
      const values = ['12', 'twelve', '3', 'n/a', 'lots', '', 'x1', 'seven', '99 units', 'none'];
      for (const answer of values) await createRecord(engine, 'survey', { answer });
      const before = await allRecords(engine, 'survey');
      const version = await metadataVersion(engine);

      const response = await engine.request('PATCH', `${fieldsOf('survey')}/answer`, { type: 'number' });
      const details = expectError(response, 409, 'incompatible_values');
      const failing = before.filter((record) => !['12', '3'].includes(record.answer));
      expect(response.body.error.message).to.match(new RegExp(`^${failing.length} records have values of 'answer'`));
      expect(details).to.have.length(5);
      for (const detail of details) {
        const [, , id, field] = detail.path.split('/');
        expect(field).to.equal('answer');
        expect(failing.map((record) => record._id)).to.include(id);
      }
      expect(details[0]!.message).to.match(/cannot become a number/);

      expect(await metadataVersion(engine)).to.equal(version);
      expect((await engine.request('GET', `${fieldsOf('survey')}/answer`)).body.definition).to.deep.equal({ name: 'answer', type: 'text' });
      expect(await allRecords(engine, 'survey')).to.deep.equal(before);
    });

    it('refuses a narrower definition of the same type when a stored value breaks it', async () => {
      await defineObject(engine, { name: 'label_set', fields: [{ name: 'code', type: 'text', maxLength: 20 }, { name: 'kind', type: 'picklist', values: ['a', 'b'] }] });
      const record = await createRecord(engine, 'label_set', { code: 'ABCDEFGH', kind: 'b' });
      const tooShort = await engine.request('PATCH', `${fieldsOf('label_set')}/code`, { maxLength: 4 });
      expectError(tooShort, 409, 'incompatible_values');
      expect(detailPaths(tooShort)).to.deep.equal([`/records/${record._id}/code`]);
      expectError(await engine.request('PATCH', `${fieldsOf('label_set')}/kind`, { values: ['a'] }), 409, 'incompatible_values');
      // an inactive value stays on the records that hold it
      expect((await engine.request('PATCH', `${fieldsOf('label_set')}/kind`, { values: ['a', { value: 'b', active: false }] })).status).to.equal(200);
      expect((await engine.request('GET', `/api/v1/records/label_set/${record._id}`)).body.kind).to.equal('b');
    });
  });

  it('refuses to make a field unique while records share a value, with 409', async () => {
    await defineObject(engine, { name: 'vendor', fields: [{ name: 'tax_id', type: 'text' }] });
    await createRecord(engine, 'vendor', { tax_id: 'T-1' });
    await createRecord(engine, 'vendor', { tax_id: 'T-1' });
    const response = await engine.request('PATCH', `${fieldsOf('vendor')}/tax_id`, { unique: true });
    expectError(response, 409, 'duplicate_values');
    expect(response.body.error.message).to.include('one value held by 2 records').and.not.include('T-1');
    expect((await engine.request('POST', '/api/v1/records/vendor', { tax_id: 'T-1' })).status).to.equal(201);
  });

  it('numbers the existing records when an auto-number field is added, and continues after them', async () => {
    await defineObject(engine, { name: 'sales_order', fields: [{ name: 'title', type: 'text' }] });
    await createRecord(engine, 'sales_order', { title: 'first' });
    await createRecord(engine, 'sales_order', { title: 'second' });
    const added = await engine.request('POST', fieldsOf('sales_order'), { name: 'number', type: 'autonumber', format: 'SO-{000}' });
    expect(added.status).to.equal(201);
    expect((await allRecords(engine, 'sales_order')).map((record) => record.number)).to.deep.equal(['SO-001', 'SO-002']);
    expect((await createRecord(engine, 'sales_order', { title: 'third' })).number).to.equal('SO-003');
  });

  it('deletes a field, clearing its values from every record', async () => {
    await defineObject(engine, { name: 'note', fields: [{ name: 'subject', type: 'text' }, { name: 'mood', type: 'text' }] });
    const record = await createRecord(engine, 'note', { subject: 'Hello', mood: 'happy' });
    const version = await metadataVersion(engine);
    const response = await engine.request('DELETE', `${fieldsOf('note')}/mood`);
    expect(response.status).to.equal(200);
    expect(response.body.version).to.equal(version + 1);
    const read = await engine.request('GET', `/api/v1/records/note/${record._id}`);
    expect(read.body).to.not.have.property('mood');
    expect(read.body.subject).to.equal('Hello');
  });
});
