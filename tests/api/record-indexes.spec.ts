import { expect } from 'chai';
import { defineObject } from '../support/api-helpers.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** The indexes metadata declares for an object's records, as the store holds them after each change. */
describe('record indexes: what metadata declares', () => {
  let engine: TestEngine;
  const indexNames = async (object: string) => {
    const store = (await engine.platform.tenant(DEFAULT_TENANT)).store;
    return (await store.listIndexes(`records.${object}`)).map((index) => index.name).sort();
  };
  const ok = (response: { status: number; body: unknown }, status = 200) => {
    expect(response.status, JSON.stringify(response.body)).to.equal(status);
    return response.body as Record<string, unknown>;
  };
  /** Every object's: the recycle bin. A private or public read-only object's: the record-access fields too. */
  const SYSTEM = ['sys_deleted', 'sys_workflow'];
  const ACCESS = ['sys_approvers', 'sys_editors', 'sys_owner', 'sys_readers'];

  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  it('indexes unique, auto-number, lookup and flagged fields beside the recycle-bin fields', async () => {
    ok(await defineObject(engine, { name: 'ix_account', fields: [{ name: 'name', type: 'text', required: true }] }), 201);
    const fields = [
      { name: 'code', type: 'text', unique: true },
      { name: 'number', type: 'autonumber', format: 'T-{0000}' },
      { name: 'account', type: 'lookup', target: 'ix_account' },
      { name: 'priority', type: 'number', indexed: true },
      { name: 'tags', type: 'multipicklist', values: ['a', 'b'], indexed: true },
      { name: 'notes', type: 'text' },
    ];
    ok(await defineObject(engine, { name: 'ix_ticket', fields }), 201);
    expect(await indexNames('ix_ticket')).to.deep.equal(['ix_priority', 'ix_tags', 'ref_account', ...SYSTEM, 'unique_code', 'unique_number'].sort());
    // Flagging a field later adds its index; the others stay as they were.
    ok(await engine.request('PUT', '/api/v1/meta/objects/ix_ticket', { name: 'ix_ticket', fields: fields.map((field) => (field.name === 'notes' ? { ...field, indexed: true } : field)) }));
    expect(await indexNames('ix_ticket')).to.include.members(['ix_notes', 'ix_priority', 'unique_code']);
  });

  it('indexes the record-access fields of a private or public read-only object, from the moment its sharing needs them', async () => {
    const fields = [{ name: 'name', type: 'text', required: true }];
    ok(await defineObject(engine, { name: 'ix_lead', fields }), 201);
    expect(await indexNames('ix_lead')).to.deep.equal(SYSTEM);
    ok(await engine.request('PUT', '/api/v1/meta/objects/ix_lead', { name: 'ix_lead', sharing: 'private', fields }));
    expect(await indexNames('ix_lead')).to.deep.equal([...ACCESS, ...SYSTEM].sort());
    ok(await engine.request('PUT', '/api/v1/meta/objects/ix_lead', { name: 'ix_lead', sharing: 'publicRead', fields }));
    expect(await indexNames('ix_lead')).to.deep.equal([...ACCESS, ...SYSTEM].sort());
  });

  it('refuses the flag on a field type an index cannot order', async () => {
    const response = await engine.request('POST', '/api/v1/meta/objects', { name: 'ix_memo', fields: [{ name: 'body', type: 'longtext', indexed: true }] });
    expect(response.status, JSON.stringify(response.body)).to.equal(400);
    expect(JSON.stringify(response.body)).to.contain('/fields/0/indexed');
  });

  it('indexes the fields a shared list view filters or sorts by once it is saved, and drops them when it goes', async () => {
    const fields = [
      { name: 'title', type: 'text', required: true },
      { name: 'stage', type: 'picklist', values: ['open', 'won'] },
      { name: 'amount', type: 'currency' },
      { name: 'notes', type: 'longtext' },
    ];
    ok(await defineObject(engine, { name: 'ix_deal', fields }), 201);
    expect(await indexNames('ix_deal')).to.deep.equal(SYSTEM);
    const view = { name: 'big_open_deals', object: 'ix_deal', label: { en: 'Big open deals' }, columns: ['title', 'amount'], filter: { or: [{ stage: 'open' }, { notes: { contains: 'x' } }] }, sort: ['-amount', 'title'] };
    ok(await engine.request('POST', '/api/v1/meta/list-views', view), 201);
    // A long text cannot be ordered: its condition is tested on each record, not indexed.
    expect(await indexNames('ix_deal')).to.deep.equal(['ix_amount', 'ix_stage', 'ix_title', ...SYSTEM].sort());
    // Saving it again unchanged changes nothing; a records list sorted by the view's field answers from the index.
    ok(await engine.request('PUT', '/api/v1/meta/list-views/big_open_deals', view));
    expect(await indexNames('ix_deal')).to.deep.equal(['ix_amount', 'ix_stage', 'ix_title', ...SYSTEM].sort());
    ok(await engine.request('PUT', '/api/v1/meta/list-views/big_open_deals', { ...view, filter: undefined, sort: ['stage'] }));
    expect(await indexNames('ix_deal')).to.deep.equal(['ix_stage', ...SYSTEM].sort());
    ok(await engine.request('DELETE', '/api/v1/meta/list-views/big_open_deals'));
    expect(await indexNames('ix_deal')).to.deep.equal(SYSTEM);
  });
});
