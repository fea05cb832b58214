import { expect } from 'chai';
import { createRecord, defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

describe('formulas, validation rules and default expressions', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'account',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'industry', type: 'picklist', values: ['retail', 'energy'] },
        { name: 'region', type: 'text' },
      ],
    });
    const opportunity = await defineObject(engine, {
      name: 'opportunity',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'account', type: 'lookup', target: 'account' },
        { name: 'amount', type: 'currency' },
        { name: 'probability', type: 'percent' },
        { name: 'discount', type: 'percent' },
        { name: 'approved', type: 'boolean' },
        { name: 'expected', type: 'formula', expression: 'amount * probability / 100', resultType: 'currency' },
        { name: 'weighted_label', type: 'formula', expression: 'name & ": " & $string(expected)', resultType: 'text' },
        { name: 'industry', type: 'formula', expression: 'account.industry', resultType: 'text' },
        { name: 'region', type: 'text', defaultExpression: 'account.region' },
        { name: 'opened_on', type: 'date', defaultExpression: '$today' },
        { name: 'opened_by', type: 'text', defaultExpression: '$user' },
      ],
      validationRules: [
        { name: 'discount_needs_approval', condition: 'discount > 20 and $not(approved = true)', field: 'discount',
          message: { en: 'A discount over 20% needs approval', 'zh-CN': '超过20%的折扣需要审批' } },
        { name: 'amount_positive', condition: 'amount < 0', message: { en: 'The amount cannot be negative' } },
        { name: 'retired', condition: 'true', active: false, message: { en: 'never checked' } },
      ],
    });
    expect(opportunity.status, JSON.stringify(opportunity.body)).to.equal(201);
  });
  after(() => engine.stop());

  it('computes formula fields on create, in dependency order, from the record and its parent', async () => {
    const account = await createRecord(engine, 'account', { name: 'Acme', industry: 'energy', region: 'EMEA' });
    const record = await createRecord(engine, 'opportunity', { name: 'Turbines', account: account._id, amount: 1000, probability: 25 });
    expect(record).to.include({ expected: 250, weighted_label: 'Turbines: 250', industry: 'energy' });
  });

  it('fills default expressions from the parent, today and the current user', async () => {
    const account = await createRecord(engine, 'account', { name: 'Globex', region: 'APAC' });
    const record = await createRecord(engine, 'opportunity', { name: 'Pumps', account: account._id });
    expect(record).to.include({ region: 'APAC', opened_on: new Date().toISOString().slice(0, 10), opened_by: engine.adminId });
    const explicit = await createRecord(engine, 'opportunity', { name: 'Valves', account: account._id, region: 'LATAM' });
    expect(explicit.region).to.equal('LATAM');
  });

  it('recomputes formulas on update and stores them so lists filter and sort by them', async () => {
    const record = await createRecord(engine, 'opportunity', { name: 'Filters', amount: 200, probability: 50 });
    const patched = await engine.request('PATCH', `/api/v1/records/opportunity/${record._id}`, { probability: 90 });
    expect(patched.body.expected).to.equal(180);
    const list = await engine.request('GET', `/api/v1/records/opportunity?filter=${encodeURIComponent('{"expected":{"gte":180}}')}&sort=-expected`);
    expect(list.body.records.map((r: { name: string }) => r.name)).to.include('Filters');
  });

  it('refuses a client value for a formula field', async () => {
    const response = await engine.request('POST', '/api/v1/records/opportunity', { name: 'Forged', expected: 1 });
    expect(response.status).to.equal(400);
    expect(response.body.error.details[0].path).to.equal('/expected');
  });

  it('refuses with 422 every broken rule with its message and field, and writes nothing', async () => {
    const before = (await engine.request('GET', '/api/v1/records/opportunity?total=true')).body.total;
    const response = await engine.request('POST', '/api/v1/records/opportunity', { name: 'Cheap', amount: -5, discount: 30 });
    expect(response.status).to.equal(422);
    expect(response.body.error.code).to.equal('rule_violated');
    expect(response.body.error.details).to.have.deep.members([
      { path: '/discount', message: 'A discount over 20% needs approval' },
      { path: '', message: 'The amount cannot be negative' },
    ]);
    expect((await engine.request('GET', '/api/v1/records/opportunity?total=true')).body.total).to.equal(before);
  });

  it('gives rule messages in the language of the request', async () => {
    const response = await engine.request('POST', '/api/v1/records/opportunity', { name: 'Cheap', discount: 30 }, { 'Accept-Language': 'zh-CN' });
    expect(response.body.error.details[0].message).to.equal('超过20%的折扣需要审批');
  });

  it('checks rules on the record as it would be after an update', async () => {
    const record = await createRecord(engine, 'opportunity', { name: 'Approved', discount: 30, approved: true });
    const response = await engine.request('PATCH', `/api/v1/records/opportunity/${record._id}`, { approved: false });
    expect(response.status).to.equal(422);
    const stored = await engine.request('GET', `/api/v1/records/opportunity/${record._id}`);
    expect(stored.body).to.include({ approved: true, _version: 1 });
  });

  describe('checked when the metadata is saved', () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['a syntax error, with its position', { name: 'broken', type: 'formula', expression: 'amount * (', resultType: 'number' }, '/expression', /position/],
      ['a field that does not exist, with a suggestion', { name: 'broken', type: 'formula', expression: 'amonut * 2', resultType: 'number' }, '/expression', /did you mean 'amount'/],
      ['a parent field that does not exist', { name: 'broken', type: 'formula', expression: 'account.revenue', resultType: 'number' }, '/expression', /revenue/],
      ['an unknown variable in a default', { name: 'broken', type: 'text', defaultExpression: '$tomorrow' }, '/defaultExpression', /tomorrow/],
    ];
    for (const [what, field, path, message] of cases) {
      it(`refuses ${what}`, async () => {
        const response = await engine.request('POST', '/api/v1/meta/objects/opportunity/fields', field);
        expect(response.status).to.equal(400);
        expect(response.body.error.details[0].path).to.equal(path);
        expect(response.body.error.details[0].message).to.match(message);
      });
    }

    it('refuses formulas that read each other in a circle', async () => {
      const response = await engine.request('POST', '/api/v1/meta/objects', {
        name: 'circle',
        fields: [
          { name: 'a', type: 'formula', expression: 'b + 1', resultType: 'number' },
          { name: 'b', type: 'formula', expression: 'a + 1', resultType: 'number' },
        ],
      });
      expect(response.status).to.equal(400);
      expect(response.body.error.details[0].message).to.match(/circle/);
    });

    it('refuses a rule condition that does not compile and a rule on an unknown field', async () => {
      const response = await engine.request('PATCH', '/api/v1/meta/objects/opportunity', {
        validationRules: [{ name: 'bad', condition: 'amount >', field: 'amout', message: { en: 'x' } }],
      });
      expect(response.status).to.equal(400);
      expect(response.body.error.details.map((d: { path: string }) => d.path)).to.have.members(['/validationRules/0/field', '/validationRules/0/condition']);
    });

    it('refuses deleting a parent field a formula reads (409) and leaves both objects as they were', async () => {
      const response = await engine.request('DELETE', '/api/v1/meta/objects/account/fields/industry');
      expect(response.status).to.equal(409);
      expect(response.body.error.code).to.equal('metadata_in_use');
    });
  });

  it('fails a runaway expression cleanly with 422 instead of blocking the server', async () => {
    await defineObject(engine, {
      name: 'runaway',
      fields: [
        { name: 'n', type: 'number' },
        { name: 'loop', type: 'formula', expression: '($f := function($x){ $f($x + 1) }; $f(n))', resultType: 'number' },
      ],
    });
    const started = Date.now();
    const response = await engine.request('POST', '/api/v1/records/runaway', { n: 1 });
    expect(response.status).to.equal(422);
    expect(response.body.error.code).to.match(/expression_(timeout|too_deep)/);
    expect(Date.now() - started).to.be.lessThan(5000);
    expect((await engine.request('GET', '/health')).status).to.equal(200);
  });
});
