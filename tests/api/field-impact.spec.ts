import { expect } from 'chai';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { createUser, tokenFor } from '../support/auth-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

/**
 * The impact of a proposed field definition on stored values, read in pages of 10 records (so
 * that counting crosses pages) and computed with the conversion the change itself runs: the PUT
 * that follows refuses exactly the records the preview counted as failing.
 */
const SETTINGS = { backfills: { inlineLimit: 20, batchRecords: 10, batchMs: 60_000 } };
const NUMERIC = 23;
const WORDS = ['abc', 'twelve', '1,5'];
const impactPath = (field: string) => `/api/v1/meta/objects/gadget/fields/${field}/impact`;

describe('field impact: what a type change would do to the stored values, before it is made', function () {
  this.timeout(60_000);
  let engine: ConfiguredEngine;
  const wordIds: string[] = [];

  before(async () => {
    engine = await startConfiguredEngine(SETTINGS);
    await defineObject(engine, {
      name: 'gadget',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'code', type: 'text' },
        { name: 'size', type: 'number' },
      ],
    });
    for (let i = 1; i <= NUMERIC; i++) await createRecord(engine, 'gadget', { name: `Gadget ${i}`, code: String(i * 2), size: i });
    for (const [i, word] of WORDS.entries()) wordIds.push((await createRecord(engine, 'gadget', { name: `Odd ${i}`, code: word }))._id);
    // records without a value hold nothing to convert: they are not counted
    await createRecord(engine, 'gadget', { name: 'Blank' });
  });
  after(() => engine.stop(true));

  it('counts the values that convert and lists the failing records with their name, value and reason', async () => {
    const response = await engine.request('POST', impactPath('code'), { type: 'number', label: { en: 'Code', 'zh-CN': '代码' } });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body).to.include({ records: NUMERIC + WORDS.length, convertible: NUMERIC, failing: WORDS.length });
    expect(response.body.sample).to.deep.equal(
      WORDS.map((word, i) => ({ _id: wordIds[i], name: `Odd ${i}`, value: word, message: 'its value cannot become a number' })),
    );
  });

  it('gives the reason in the caller\'s language', async () => {
    const response = await engine.request('POST', impactPath('code'), { type: 'number' }, { 'accept-language': 'zh-CN' });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.sample[0].message).to.equal('其值不能转换为 number');
  });

  it('writes nothing: the definition, the version and the stored values stay as they were', async () => {
    const version = (await engine.request('GET', '/api/v1/meta/objects/gadget')).body.version;
    await engine.request('POST', impactPath('code'), { type: 'number' });
    const after = await engine.request('GET', '/api/v1/meta/objects/gadget/fields/code');
    expect(after.body).to.deep.include({ version, definition: { name: 'code', type: 'text' } });
    const stored = await engine.tenant.store.collection('records.gadget').find({ _id: { $in: wordIds } }, { sort: { _id: 1 } });
    expect(stored.map((record) => record.code)).to.deep.equal(WORDS);
  });

  it('agrees with the change itself: the type change is refused for the very records the preview lists', async () => {
    const refused = await engine.request('PUT', '/api/v1/meta/objects/gadget/fields/code', { type: 'number' });
    const details = expectError(refused, 409, 'incompatible_values');
    expect(details.map((detail) => detail.path)).to.deep.equal(wordIds.map((id) => `/records/${id}/code`));
    expect(refused.body.error.message).to.match(new RegExp(`^${WORDS.length} records`));
  });

  it('finds every value convertible when the new type takes them all (number to text)', async () => {
    const response = await engine.request('POST', impactPath('size'), { type: 'text' });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body).to.deep.equal({ records: NUMERIC, convertible: NUMERIC, failing: 0, sample: [] });
  });

  it('refuses a definition the change would refuse (400), an unknown field (404) and a user who may not manage metadata (403)', async () => {
    const invalid = expectError(await engine.request('POST', impactPath('code'), { type: 'number', label: 'Code' }), 400);
    expect(invalid.map((detail) => detail.path)).to.deep.equal(['/label']);
    expectError(await engine.request('POST', impactPath('code'), { type: 'no_such_type' }), 400);
    expectError(await engine.request('POST', impactPath('code'), ['not', 'a', 'definition']), 400);
    expectError(await engine.request('POST', impactPath('nothing'), { type: 'number' }), 404);
    expectError(await engine.request('POST', '/api/v1/meta/objects/nowhere/fields/code/impact', { type: 'number' }), 404);
    await createUser(engine, { email: 'rep@example.com', full_name: 'Rep' }, 'rep password long enough');
    const token = await tokenFor(engine, 'rep@example.com', 'rep password long enough');
    expectError(await engine.request('POST', impactPath('code'), { type: 'number' }, { authorization: `Bearer ${token}` }), 403);
  });
});
