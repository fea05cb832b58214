import { expect } from 'chai';
import { allRecords, createRecord, defineObject, expectError, listRecords } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { COMPANY_OBJECT } from '../support/import-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const PASSWORD = 'a password of the bulk tests';
const SETS = '/api/v1/meta/permission-sets';

/** What the bulk API answers, as the tests read it. */
interface BulkAnswer {
  dryRun: boolean;
  created: number;
  updated: number;
  failed: number;
  results: { row: number; status: string; id?: string; error?: { code: string; message: string; details: { path: string; message: string }[] } }[];
}

/** POST /api/v1/bulk/:object with a JSON array (or a string body with its content type). */
async function bulk(engine: TestEngine, object: string, body: unknown, query = '', headers: Record<string, string> = {}): Promise<{ status: number; body: BulkAnswer; headers: Headers }> {
  const response = await engine.request('POST', `/api/v1/bulk/${object}${query}`, body, { 'content-type': 'application/json', ...headers });
  return response as { status: number; body: BulkAnswer; headers: Headers };
}

describe('bulk API: many records in one request, each through the write path', () => {
  let engine: TestEngine;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, COMPANY_OBJECT);
    await defineObject(engine, {
      name: 'order',
      label: { en: 'Order', 'zh-CN': '订单' },
      fields: [
        { name: 'title', type: 'text', required: true, maxLength: 40 },
        { name: 'code', type: 'text', externalId: true },
        { name: 'amount', type: 'currency', min: 0 },
        { name: 'quantity', type: 'number' },
        { name: 'total', type: 'formula', expression: 'amount * 2', resultType: 'currency' },
        { name: 'company', type: 'masterdetail', target: 'company' },
        { name: 'secret', type: 'text' },
      ],
    });
    const rollup = await engine.request('POST', '/api/v1/meta/objects/company/fields', { name: 'deal_total', type: 'rollup', child: 'order', function: 'sum', field: 'amount' });
    expect(rollup.status, JSON.stringify(rollup.body)).to.equal(201);
  });
  after(() => engine.stop());

  it('declares external ids unique and indexed, and refuses one on a type that cannot be one', async () => {
    const indexes = await engine.request('GET', '/api/v1/meta/objects/order');
    expect(indexes.status).to.equal(200);
    const field = (indexes.body.definition.fields as { name: string; externalId?: boolean }[]).find((candidate) => candidate.name === 'code');
    expect(field?.externalId).to.equal(true);
    const tenant = await engine.platform.tenant('default');
    const compiled = tenant.metadata.snapshot.object('order')!;
    expect(compiled.indexes.find((index) => index.name === 'unique_code')).to.deep.include({ unique: true, keys: { code: 1 } });
    const refused = await engine.request('POST', '/api/v1/meta/objects', { name: 'bad_ext', fields: [{ name: 'flag', type: 'boolean', externalId: true }] });
    expect(expectError(refused, 400).map((detail) => detail.path)).to.include('/fields/0/externalId');
    const contradicting = await engine.request('POST', '/api/v1/meta/objects', { name: 'bad_ext', fields: [{ name: 'code', type: 'text', externalId: true, unique: false }] });
    expect(expectError(contradicting, 400).map((detail) => detail.path)).to.include('/fields/0/unique');
  });

  it('creates every valid record and answers each failing one with its row, field path and message, in the reader\'s language', async () => {
    const acme = await createRecord(engine, 'company', { name: 'Acme', erp_code: 'C-1' });
    const records = [
      { title: 'First', code: 'O-1', amount: 100, company: acme._id },
      { title: 'x'.repeat(41), code: 'O-2', amount: -5, company: acme._id },
      { title: 'Third', code: 'O-3', amount: 50, company: acme._id },
      'not an object',
      { title: 'Fifth', code: 'O-5', company: '000000000000000000000000' },
    ];
    const answer = await bulk(engine, 'order', records, '', { 'accept-language': 'zh-CN' });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body).to.include({ created: 2, failed: 3, updated: 0, dryRun: false });
    expect(answer.body.results.map((result) => [result.row, result.status])).to.deep.equal([
      [1, 'created'],
      [2, 'failed'],
      [3, 'created'],
      [4, 'failed'],
      [5, 'failed'],
    ]);
    const second = answer.body.results[1]!.error!;
    expect(second.code).to.equal('validation_failed');
    expect(second.details.map((detail) => detail.path).sort()).to.deep.equal(['/amount', '/title']);
    expect(second.details.every((detail) => /[\u4e00-\u9fff]/.test(detail.message)), JSON.stringify(second.details)).to.equal(true);
    expect(answer.body.results[4]!.error!.details.map((detail) => detail.path)).to.deep.equal(['/company']);
    // Formulas and roll-ups as a single create computes them.
    const stored = await listRecords(engine, 'order', { sort: 'code' });
    expect(stored.records.map((record) => [record.code, record.total])).to.deep.equal([
      ['O-1', 200],
      ['O-3', 100],
    ]);
    const company = await engine.request('GET', `/api/v1/records/company/${acme._id}`);
    expect(company.body.deal_total).to.equal(150);
    // The field history and the audit log hold each created record, as for a single create.
    const history = await engine.request('GET', `/api/v1/records/order/${answer.body.results[0]!.id}/history`);
    expect(history.status).to.equal(200);
    const audit = await engine.request('GET', `/api/v1/audit?object=order&action=record.create`);
    expect(audit.status, JSON.stringify(audit.body)).to.equal(200);
    expect((audit.body.entries as { record: string }[]).map((entry) => entry.record)).to.include.members([answer.body.results[0]!.id, answer.body.results[2]!.id]);
  });

  it('upserts by an external id: a second run updates the records it matches and creates only the new ones', async () => {
    const acme = await createRecord(engine, 'company', { name: 'Upsert Co', erp_code: 'C-U' });
    const first = await bulk(engine, 'order', [
      { title: 'Up one', code: 'U-1', amount: 10, company: acme._id },
      { title: 'Up two', code: 'U-2', amount: 20, company: acme._id },
    ], '?mode=upsert&externalId=code');
    expect(first.body, JSON.stringify(first.body)).to.include({ created: 2, updated: 0, failed: 0 });
    const again = await bulk(engine, 'order', [
      { title: 'Up one, renamed', code: 'U-1', amount: 11, company: acme._id },
      { title: 'Up two', code: 'U-2', amount: 20, company: acme._id },
      { title: 'Up three', code: 'U-3', amount: 30, company: acme._id },
      { title: 'No key', amount: 1, company: acme._id },
    ], '?mode=upsert&externalId=code');
    expect(again.body, JSON.stringify(again.body)).to.include({ created: 1, updated: 2, failed: 1 });
    expect(again.body.results[0]!.id).to.equal(first.body.results[0]!.id);
    expect(again.body.results[3]!.error!.details.map((detail) => detail.path)).to.deep.equal(['/code']);
    const stored = await listRecords(engine, 'order', { filter: { code: { startsWith: 'U-' } }, sort: 'code' });
    expect(stored.records.map((record) => [record.code, record.title, record.amount])).to.deep.equal([
      ['U-1', 'Up one, renamed', 11],
      ['U-2', 'Up two', 20],
      ['U-3', 'Up three', 30],
    ]);
    expect((await engine.request('GET', `/api/v1/records/company/${acme._id}`)).body.deal_total).to.equal(61);
  });

  it('updates by _id, and refuses an update of an unknown external id per record', async () => {
    const acme = await createRecord(engine, 'company', { name: 'Update Co' });
    const order = await createRecord(engine, 'order', { title: 'To update', code: 'UPD-1', amount: 1, company: acme._id });
    const answer = await bulk(engine, 'order', [{ _id: order._id, amount: 2 }, { amount: 3 }], '?mode=update');
    expect(answer.body.results.map((result) => result.status)).to.deep.equal(['updated', 'failed']);
    expect(answer.body.results[1]!.error!.details[0]!.path).to.equal('/_id');
    const byCode = await bulk(engine, 'order', [{ code: 'UPD-1', amount: 4 }, { code: 'NOPE', amount: 5 }], '?mode=update&externalId=code');
    expect(byCode.body.results.map((result) => result.status)).to.deep.equal(['updated', 'failed']);
    expect((await engine.request('GET', `/api/v1/records/order/${order._id}`)).body.amount).to.equal(4);
  });

  it('takes NDJSON, naming each result by its line', async () => {
    const acme = await createRecord(engine, 'company', { name: 'Lines Co' });
    const body = [JSON.stringify({ title: 'Line one', company: acme._id }), '', JSON.stringify({ title: 'Line three', company: acme._id, amount: 'lots' })].join('\n');
    const answer = await bulk(engine, 'order', body, '', { 'content-type': 'application/x-ndjson' });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.results.map((result) => [result.row, result.status])).to.deep.equal([
      [1, 'created'],
      [3, 'failed'],
    ]);
    expect(answer.body.results[1]!.error!.details[0]).to.deep.include({ path: '/amount' });
    const broken = await bulk(engine, 'order', `${JSON.stringify({ title: 'ok', company: acme._id })}\n{not json`, '', { 'content-type': 'application/x-ndjson' });
    expect(expectError(broken as never, 400).map((detail) => detail.path)).to.deep.equal(['/2']);
  });

  it('checks every record in a dry run and writes none', async () => {
    const acme = await createRecord(engine, 'company', { name: 'Dry Co' });
    const before = await allRecords(engine, 'order');
    const answer = await bulk(engine, 'order', [{ title: 'Dry one', company: acme._id, amount: 5 }, { title: 'Dry two', company: acme._id, amount: -1 }], '?dryRun=true');
    expect(answer.body).to.include({ dryRun: true, created: 1, failed: 1 });
    expect(answer.body.results[0]!.id).to.equal(undefined);
    expect(await allRecords(engine, 'order')).to.deep.equal(before);
    expect((await engine.request('GET', `/api/v1/records/company/${acme._id}`)).body.deal_total).to.equal(0);
  });

  it('refuses the request as a whole where no record could be written: unknown object, mode, external id, too many records', async () => {
    expectError(await bulk(engine, 'nothing_here', []) as never, 404);
    expect(expectError(await bulk(engine, 'order', [], '?mode=replace') as never, 400).map((detail) => detail.path)).to.deep.equal(['/mode']);
    expect(expectError(await bulk(engine, 'order', [], '?mode=upsert') as never, 400).map((detail) => detail.path)).to.deep.equal(['/externalId']);
    expect(expectError(await bulk(engine, 'order', [], '?externalId=title') as never, 400).map((detail) => detail.path)).to.deep.equal(['/externalId']);
    expect(expectError(await bulk(engine, 'order', { title: 'one' }) as never, 400).map((detail) => detail.path)).to.deep.equal(['']);
    const tooMany = Array.from({ length: 10_001 }, () => ({}));
    expectError(await bulk(engine, 'order', tooMany) as never, 400);
  });

  it('writes 10,000 records in one request, in batches that leave the server answering meanwhile', async function () {
    this.timeout(120_000);
    const acme = await createRecord(engine, 'company', { name: 'Big Co' });
    const records = Array.from({ length: 10_000 }, (_, i) => ({ title: `Big ${i}`, code: `B-${i}`, amount: 1, company: acme._id }));
    let answeredDuring = 0;
    let done = false;
    const pending = bulk(engine, 'order', records).finally(() => {
      done = true;
    });
    // Reads go on while the batches run: each one answers before the bulk request ends.
    await new Promise((resolve) => setTimeout(resolve, 300));
    while (!done) {
      const started = Date.now();
      const response = await engine.request('GET', '/health', undefined, { authorization: '' });
      expect(response.status).to.equal(200);
      if (!done) answeredDuring++;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 50 - (Date.now() - started))));
    }
    const answer = await pending;
    expect(answer.status).to.equal(200);
    expect(answer.body).to.include({ created: 10_000, failed: 0 });
    expect(answeredDuring, 'requests answered while the bulk request ran').to.be.greaterThan(3);
    expect((await engine.request('GET', `/api/v1/records/company/${acme._id}`)).body.deal_total).to.equal(10_000);
  });

  describe('as a user with fewer rights', () => {
    let readerToken: string;
    let clerkToken: string;

    before(async () => {
      for (const set of [
        { name: 'order_reader', objects: { order: { read: true }, company: { read: true } } },
        { name: 'order_clerk', objects: { order: { read: true, create: true, edit: true }, company: { read: true, edit: true } }, fields: { order: { secret: { read: true, edit: false } } } },
      ]) {
        expect((await engine.request('POST', SETS, set)).status, set.name).to.equal(201);
      }
      await createUser(engine, { full_name: 'Rhea Reader', email: 'rhea@example.com', permission_sets: ['standard_user', 'order_reader'] }, PASSWORD);
      await createUser(engine, { full_name: 'Carl Clerk', email: 'carl@example.com', permission_sets: ['standard_user', 'order_clerk'] }, PASSWORD);
      readerToken = await tokenFor(engine, 'rhea@example.com', PASSWORD);
      clerkToken = await tokenFor(engine, 'carl@example.com', PASSWORD);
    });

    it('refuses a user without the create right as a whole, and a field they may not edit per record', async () => {
      const acme = await createRecord(engine, 'company', { name: 'Rights Co' });
      expectError(await bulk(engine, 'order', [{ title: 'Nope', company: acme._id }], '', bearer(readerToken)) as never, 403, 'forbidden');
      const answer = await bulk(engine, 'order', [{ title: 'Allowed', company: acme._id }, { title: 'Sneaky', secret: 'x', company: acme._id }], '', bearer(clerkToken));
      expect(answer.body.results.map((result) => result.status)).to.deep.equal(['created', 'failed']);
      expect(answer.body.results[1]!.error).to.deep.include({ code: 'forbidden' });
      expect(answer.body.results[1]!.error!.details.map((detail) => detail.path)).to.deep.equal(['/secret']);
      const written = await listRecords(engine, 'order', { filter: { company: acme._id } });
      expect(written.records.map((record) => record.title)).to.deep.equal(['Allowed']);
    });
  });
});

describe('bulk API and the rate limit', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine({ rateLimits: { apiPerMinute: 5 } });
    await defineObject(engine, { name: 'note', fields: [{ name: 'text', type: 'text', required: true }] });
  });
  after(() => engine.stop());

  it('counts one request, however many records it writes', async () => {
    const records = Array.from({ length: 500 }, (_, i) => ({ text: `note ${i}` }));
    const answer = await bulk(engine, 'note', records);
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).to.equal(200);
    expect(answer.body.created).to.equal(500);
    // draft-8 headers: "5-in-1min"; r=<remaining>; t=<seconds>; the define above was one request, this the second.
    expect(answer.headers.get('ratelimit')).to.match(/\br=3\b/);
    const next = await bulk(engine, 'note', records.slice(0, 2));
    expect(next.headers.get('ratelimit')).to.match(/\br=2\b/);
  });
});
