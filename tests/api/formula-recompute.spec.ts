import { expect } from 'chai';
import { createRecord, defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

describe('formulas follow what they read', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'account',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'industry', type: 'text' },
        { name: 'tier', type: 'number' },
      ],
    });
    await defineObject(engine, {
      name: 'contact',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'account', type: 'lookup', target: 'account' },
        { name: 'account_industry', type: 'formula', expression: 'account.industry', resultType: 'text' },
      ],
    });
  });
  after(() => engine.stop());

  const get = async (object: string, id: string) => (await engine.request('GET', `/api/v1/records/${object}/${id}`)).body;

  it('recomputes a child formula when the parent field it reads changes, without moving the child version', async () => {
    const account = await createRecord(engine, 'account', { name: 'Acme', industry: 'retail' });
    const contact = await createRecord(engine, 'contact', { name: 'Ann', account: account._id });
    expect(contact.account_industry).to.equal('retail');
    await engine.request('PATCH', `/api/v1/records/account/${account._id}`, { industry: 'energy' });
    const after = await get('contact', contact._id);
    expect(after).to.include({ account_industry: 'energy', _version: 1 });
  });

  it('leaves children alone when a parent field no formula reads changes', async () => {
    const account = await createRecord(engine, 'account', { name: 'Initech', industry: 'software' });
    const contact = await createRecord(engine, 'contact', { name: 'Bob', account: account._id });
    await engine.request('PATCH', `/api/v1/records/account/${account._id}`, { tier: 2 });
    expect((await get('contact', contact._id))._updatedAt).to.equal(contact._updatedAt);
  });

  it('empties a child formula when its parent is deleted, and fills it again on restore', async () => {
    const account = await createRecord(engine, 'account', { name: 'Umbrella', industry: 'pharma' });
    const contact = await createRecord(engine, 'contact', { name: 'Cy', account: account._id });
    await engine.request('DELETE', `/api/v1/records/account/${account._id}`);
    expect(await get('contact', contact._id)).to.not.have.property('account_industry');
    await engine.request('POST', `/api/v1/recycle-bin/account/${account._id}/restore`);
    expect(await get('contact', contact._id)).to.include({ account: account._id, account_industry: 'pharma' });
  });

  it('computes a formula added to an object for every existing record', async () => {
    const account = await createRecord(engine, 'account', { name: 'Hooli', tier: 3 });
    const added = await engine.request('POST', '/api/v1/meta/objects/account/fields', {
      name: 'tier_label', type: 'formula', expression: '"Tier " & $string(tier)', resultType: 'text',
    });
    expect(added.status).to.equal(201);
    expect((await get('account', account._id)).tier_label).to.equal('Tier 3');
    await engine.request('PATCH', '/api/v1/meta/objects/account/fields/tier_label', { expression: '"T" & $string(tier)' });
    expect((await get('account', account._id)).tier_label).to.equal('T3');
  });
});

describe('POST /api/v1/meta/expressions/test', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'account', fields: [{ name: 'industry', type: 'text' }] });
    await defineObject(engine, {
      name: 'deal',
      fields: [
        { name: 'amount', type: 'currency' },
        { name: 'probability', type: 'percent' },
        { name: 'account', type: 'lookup', target: 'account' },
      ],
    });
  });
  after(() => engine.stop());

  const test = (body: unknown) => engine.request('POST', '/api/v1/meta/expressions/test', body);

  it('evaluates an expression against a sample record', async () => {
    const response = await test({ object: 'deal', expression: 'amount * probability / 100', record: { amount: 1000, probability: 30 } });
    expect(response.status).to.equal(200);
    expect(response.body.result).to.equal(300);
    expect(response.body.references.fields).to.have.members(['amount', 'probability']);
  });

  it('evaluates against a stored record with its parent, converting to a result type', async () => {
    const account = await createRecord(engine, 'account', { industry: 'energy' });
    const deal = await createRecord(engine, 'deal', { amount: 10, account: account._id });
    const response = await test({ object: 'deal', expression: 'account.industry = "energy"', recordId: deal._id, resultType: 'boolean' });
    expect(response.body.result).to.equal(true);
  });

  it('refuses an expression that does not compile, with the position, and writes nothing', async () => {
    const response = await test({ object: 'deal', expression: 'amount +', record: {} });
    expect(response.status).to.equal(400);
    expect(response.body.error.details[0]).to.include({ path: '/expression' });
    expect(response.body.error.details[0].message).to.match(/position/);
    // jsonata's offset just after the token where the parse stopped: the end of `amount +`.
    expect(response.body.error.details[0].position).to.equal(8);
  });

  it('gives the position of an unknown field and of an unknown parent field, for the editor to underline', async () => {
    const response = await test({ object: 'deal', expression: 'amount > 0 and account.industri = "x"', record: {} });
    expect(response.status).to.equal(400);
    const source = 'amount > 0 and account.industri = "x"';
    expect(response.body.error.details.map((detail: { position: number }) => detail.position)).to.deep.equal([source.indexOf('industri') + 'industri'.length]);
  });

  it('gives the position of an evaluation error on the record', async () => {
    const response = await test({ object: 'deal', expression: 'amount + "a"', record: { amount: 1 } });
    expect(response.status).to.equal(422);
    expect(response.body.error.details[0]).to.include({ path: '/expression' });
    expect(response.body.error.details[0].position).to.be.a('number').within(1, 'amount + "a"'.length);
  });

  const refusals: [string, unknown, number][] = [
    ['an unknown object', { object: 'nope', expression: '1' }, 404],
    ['a missing expression', { object: 'deal' }, 400],
    ['a record that is not an object', { object: 'deal', expression: '1', record: [1] }, 400],
    ['an unknown record id', { object: 'deal', expression: '1', recordId: '0123456789abcdef01234567' }, 404],
    ['an unknown result type', { object: 'deal', expression: '1', resultType: 'money' }, 400],
    ['a result that does not fit the result type', { object: 'deal', expression: '"abc"', resultType: 'number' }, 422],
  ];
  for (const [what, body, status] of refusals) {
    it(`answers ${status} for ${what}`, async () => {
      expect((await test(body)).status).to.equal(status);
    });
  }
});
