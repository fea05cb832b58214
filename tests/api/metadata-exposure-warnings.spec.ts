import { expect } from 'chai';
import { defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const SETS = '/api/v1/meta/permission-sets';
const FIELDS = '/api/v1/meta/objects/deal/fields';

function saved(response: TestResponse, status = 201): TestResponse {
  expect(response.status, JSON.stringify(response.body)).to.equal(status);
  return response;
}

/**
 * An expression that reads a field some users may not read, while they see its result, is saved
 * with a warning naming the expression, the field and the permission sets; so is a permission set
 * change that starts hiding a field an expression reads.
 */
describe('metadata warnings: expressions reading fields hidden from some users', () => {
  let engine: TestEngine;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'account', fields: [{ name: 'name', type: 'text' }, { name: 'rating', type: 'number' }] });
    await defineObject(engine, {
      name: 'deal',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'amount', type: 'number' },
        { name: 'margin', type: 'number' },
        { name: 'account', type: 'lookup', target: 'account' },
      ],
    });
    // Reps read deals but not their margin, and no accounts at all.
    saved(await engine.request('POST', SETS, { name: 'sales_user', objects: { deal: { read: true, edit: true } }, fields: { deal: { margin: { read: false } } } }));
  });
  after(() => engine.stop());

  it('warns when a formula reads a field a permission set hides from those who see the formula', async () => {
    const response = saved(await engine.request('POST', FIELDS, { name: 'margin_percent', type: 'formula', resultType: 'number', expression: 'margin / amount * 100' }));
    expect(response.body.warnings).to.have.length(1);
    expect(response.body.warnings[0]).to.include({ object: 'deal', path: '/fields/4/expression', field: 'margin' });
    expect(response.body.warnings[0].hiddenBy).to.deep.equal(['sales_user']);
    expect(response.body.warnings[0].message).to.include("reads margin, which the permission set 'sales_user' hides");
    expect(response.body.definition.name).to.equal('margin_percent');
  });

  it('says nothing for a formula reading only what its readers may read', async () => {
    const response = saved(await engine.request('POST', FIELDS, { name: 'amount_k', type: 'formula', resultType: 'number', expression: 'amount / 1000' }));
    expect(response.body).to.not.have.property('warnings');
  });

  it('warns for a field of a parent read through a lookup, and for a validation rule', async () => {
    const parent = saved(await engine.request('POST', FIELDS, { name: 'account_rating', type: 'formula', resultType: 'number', expression: 'account.rating' }));
    expect(parent.body.warnings.map((warning: { field: string; hiddenBy: string[] }) => [warning.field, warning.hiddenBy])).to.deep.equal([['account.rating', ['sales_user']]]);
    const rule = saved(await engine.request('PATCH', '/api/v1/meta/objects/deal', { validationRules: [{ name: 'thin_margin', condition: 'margin < 0', message: { en: 'Check the price' } }] }), 200);
    expect(rule.body.warnings).to.deep.equal([
      { object: 'deal', path: '/validationRules/0/condition', field: 'margin', hiddenBy: ['sales_user'], message: rule.body.warnings[0].message },
    ]);
  });

  it('says nothing once the result is hidden from those users too', async () => {
    const response = saved(
      await engine.request('PUT', `${SETS}/sales_user`, {
        name: 'sales_user',
        objects: { deal: { read: true, edit: true } },
        fields: { deal: { margin: { read: false }, margin_percent: { read: false } } },
      }),
      200,
    );
    expect(response.body).to.not.have.property('warnings');
  });

  it('warns when a permission set change starts hiding a field that a formula reads', async () => {
    const response = saved(await engine.request('POST', SETS, { name: 'service_user', objects: { deal: { read: true } }, fields: { deal: { amount: { read: false } } } }));
    const warned = response.body.warnings.map((warning: { path: string; field: string; hiddenBy: string[] }) => `${warning.path} ${warning.field} ${warning.hiddenBy.join(',')}`);
    // The account's rating is news too: service users see the formula but no accounts.
    expect(warned).to.have.members([
      '/fields/4/expression amount service_user',
      '/fields/5/expression amount service_user',
      '/fields/6/expression account.rating sales_user,service_user',
    ]);
  });

  it('never warns about sets that read every field (view all data)', async () => {
    const response = saved(await engine.request('POST', SETS, { name: 'auditor', system: { viewAllData: true }, fields: { deal: { margin: { read: false } } } }));
    expect(response.body).to.not.have.property('warnings');
  });
});
