import { expect } from 'chai';
import { defineObject, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const META = '/api/v1/meta';
const PASSWORD = 'an ordinary user password';
/** Names that a sales rep must never learn: hidden fields, an object they cannot read, a webhook token. */
const HIDDEN = ['margin', 'secret_code', 'region_code', 'payroll', 'salary', 'hook-token-123'];

/** Every name of HIDDEN that a response body mentions. */
const leaks = (response: TestResponse) => HIDDEN.filter((name) => JSON.stringify(response.body).includes(name));

/** Metadata reads give each user what they may read, and secrets to nobody. */
describe('metadata reads: what each user may know of the setup', () => {
  let engine: TestEngine;
  let rep: Record<string, string>;
  let userManager: Record<string, string>;
  const ok = (response: TestResponse, status = 200) => {
    expect(response.status, JSON.stringify(response.body)).to.equal(status);
    return response.body;
  };

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'deal',
      description: 'margin is confidential',
      fields: [
        { name: 'title', type: 'text', required: true, defaultExpression: "'Deal ' & secret_code" },
        { name: 'amount', type: 'number' },
        { name: 'margin', type: 'number' },
        { name: 'secret_code', type: 'text' },
        { name: 'region_code', type: 'picklist', values: ['north', 'south'] },
        { name: 'office', type: 'picklist', values: ['oslo', 'rome'], controllingField: 'region_code', dependencies: { north: ['oslo'], south: ['rome'] } },
        { name: 'net', type: 'formula', resultType: 'number', expression: 'amount - margin' },
        { name: 'double', type: 'formula', resultType: 'number', expression: 'amount * 2' },
      ],
      validationRules: [{ name: 'margin_check', condition: 'margin < 0', message: { en: 'Margin must not be negative' } }],
    });
    await defineObject(engine, {
      name: 'deal_line',
      fields: [
        { name: 'deal', type: 'masterdetail', target: 'deal' },
        { name: 'quantity', type: 'number' },
      ],
    });
    ok(await engine.request('POST', `${META}/objects/deal/fields`, { name: 'line_count', type: 'rollup', child: 'deal_line', function: 'count', filter: { quantity: { gt: 0 } } }), 201);
    await defineObject(engine, { name: 'payroll', fields: [{ name: 'salary', type: 'number' }] });
    ok(await engine.request('POST', `${META}/roles`, { name: 'sales_role' }), 201);
    ok(
      await engine.request('POST', `${META}/layouts`, {
        name: 'deal_layout',
        object: 'deal',
        roles: ['sales_role'],
        sections: [{ fields: ['title', 'amount', 'margin'] }, { fields: ['secret_code'] }],
        relatedLists: [{ object: 'deal_line', columns: ['quantity'] }],
      }),
      201,
    );
    ok(await engine.request('POST', `${META}/layouts`, { name: 'payroll_layout', object: 'payroll', sections: [{ fields: ['salary'] }] }), 201);
    ok(
      await engine.request('POST', `${META}/approval-processes`, {
        name: 'deal_approval',
        label: { en: 'Deal approval' },
        object: 'deal',
        entryCriteria: 'margin > 10',
        steps: [{ name: 'manager', label: { en: 'Manager' }, approvers: [{ user: engine.adminId }], onEnter: [{ email: { to: ['approvers'], subject: 'Margin {{margin}}', body: 'Code {{secret_code}}' } }] }],
        onApprove: [{ webhook: { url: 'https://erp.example.com/hooks/deals?token=hook-token-123&mode=sync' } }],
      }),
      201,
    );
    ok(await engine.request('POST', `${META}/approval-processes`, { name: 'payroll_approval', object: 'payroll', steps: [{ name: 'cfo', approvers: [{ user: engine.adminId }] }] }), 201);
    ok(await engine.request('POST', `${META}/automation-rules`, { name: 'tell_erp', object: 'deal', actions: [{ webhook: { url: 'https://erp.example.com/hooks/rules?token=hook-token-123' } }] }), 201);
    ok(
      await engine.request('POST', `${META}/permission-sets`, {
        name: 'sales_rep',
        objects: { deal: { read: true, edit: true, create: true }, deal_line: { read: true } },
        fields: { deal: { margin: { read: false }, secret_code: { read: false }, region_code: { read: false } } },
      }),
      201,
    );
    ok(await engine.request('POST', `${META}/permission-sets`, { name: 'user_admin', system: { manageUsers: true } }), 201);
    await createUser(engine, { full_name: 'Rita Rep', email: 'rita@example.com', role: 'sales_role', permission_sets: ['standard_user', 'sales_rep'] }, PASSWORD);
    await createUser(engine, { full_name: 'Uma Users', email: 'uma@example.com', permission_sets: ['standard_user', 'user_admin'] }, PASSWORD);
    rep = bearer(await tokenFor(engine, 'rita@example.com', PASSWORD));
    userManager = bearer(await tokenFor(engine, 'uma@example.com', PASSWORD));
  });
  after(() => engine.stop());

  describe('a sales rep', () => {
    const asRep = (path: string) => engine.request('GET', path, undefined, rep);

    it('reads the objects they may read without hidden fields, expressions, rules or roll-up definitions', async () => {
      const objects = ok(await asRep(`${META}/objects`)).objects as { name: string }[];
      expect(objects.map((object) => object.name)).to.include.members(['deal', 'deal_line']).and.not.include('payroll');
      const deal = ok(await asRep(`${META}/objects/deal`)).definition;
      expect(deal.fields.map((field: { name: string }) => field.name)).to.deep.equal(['title', 'amount', 'office', 'net', 'double', 'line_count']);
      expect(deal).to.not.have.any.keys('validationRules', 'description');
      const byName = Object.fromEntries(deal.fields.map((field: { name: string }) => [field.name, field]));
      expect(byName.title).to.deep.equal({ name: 'title', type: 'text', required: true });
      expect(byName.net).to.deep.equal({ name: 'net', type: 'formula', resultType: 'number' });
      expect(byName.double).to.deep.equal({ name: 'double', type: 'formula', resultType: 'number' });
      expect(byName.line_count).to.deep.equal({ name: 'line_count', type: 'rollup', function: 'count' });
      expect(byName.office).to.deep.equal({ name: 'office', type: 'picklist', values: ['oslo', 'rome'] });
      for (const path of [`${META}/objects`, `${META}/objects/deal`, `${META}/objects/deal/fields`, `${META}/objects/deal/fields/net`]) expect(leaks(await asRep(path)), path).to.deep.equal([]);
      expectError(await asRep(`${META}/objects/payroll`), 404, 'not_found');
      expectError(await asRep(`${META}/objects/deal/fields/margin`), 404, 'not_found');
    });

    it('reads the layouts of objects they may read, without hidden fields, and not the others', async () => {
      const layouts = ok(await asRep(`${META}/layouts`)).layouts;
      expect(layouts).to.deep.equal([{ name: 'deal_layout', object: 'deal', sections: [{ fields: ['title', 'amount'] }], relatedLists: [{ object: 'deal_line', columns: ['quantity'] }] }]);
      expect(ok(await asRep(`${META}/layouts/deal_layout`)).definition).to.deep.equal(layouts[0]);
      expectError(await asRep(`${META}/layouts/payroll_layout`), 404, 'not_found');
    });

    it('reads the names, labels and steps of the approval processes of objects they may read, and nothing they do', async () => {
      const processes = ok(await asRep(`${META}/approval-processes`)).approvalProcesses;
      const summary = { name: 'deal_approval', label: { en: 'Deal approval' }, object: 'deal', steps: [{ name: 'manager', label: { en: 'Manager' } }] };
      expect(processes).to.deep.equal([summary]);
      expect(ok(await asRep(`${META}/approval-processes/deal_approval`)).definition).to.deep.equal(summary);
      expectError(await asRep(`${META}/approval-processes/payroll_approval`), 404, 'not_found');
      expectError(await asRep(`${META}/approval-processes/deal_approval/machine`), 403, 'forbidden');
    });

    it('may not read automation rules, roles, groups, permission sets, sharing rules or the history', async () => {
      for (const path of ['automation-rules', 'automation-rules/tell_erp', 'roles', 'roles/sales_role', 'groups', 'permission-sets', 'permission-sets/sales_rep', 'sharing-rules', 'history']) {
        const response = await asRep(`${META}/${path}`);
        expectError(response, 403, 'forbidden');
        expect(leaks(response), path).to.deep.equal([]);
      }
    });

    it('sees only their objects in the OpenAPI document, and formula schemas that allow the withheld expression', async () => {
      const doc = ok(await asRep('/api/v1/openapi.json'));
      expect(leaks({ status: 200, headers: new Headers(), body: doc.paths })).to.deep.equal([]);
      expect(doc.components.schemas.FormulaField.required).to.not.include('expression');
    });
  });

  describe('a user manager', () => {
    it('reads roles, groups and permission sets to assign them, but not the rest of the setup', async () => {
      const sets = ok(await engine.request('GET', `${META}/permission-sets`, undefined, userManager)).permissionSets as { name: string }[];
      expect(sets.map((set) => set.name)).to.include.members(['admin', 'standard_user', 'sales_rep']);
      expect(ok(await engine.request('GET', `${META}/roles/sales_role`, undefined, userManager)).definition).to.deep.equal({ name: 'sales_role' });
      for (const path of ['automation-rules', 'sharing-rules', 'history']) expectError(await engine.request('GET', `${META}/${path}`, undefined, userManager), 403, 'forbidden');
    });
  });

  describe('an administrator', () => {
    it('reads whole definitions, with webhook tokens masked in processes, rules, the history and the outbox', async () => {
      const deal = ok(await engine.request('GET', `${META}/objects/deal`)).definition;
      expect(deal.validationRules).to.have.length(1);
      expect(deal.fields.find((field: { name: string }) => field.name === 'net')).to.include({ expression: 'amount - margin' });
      const process = ok(await engine.request('GET', `${META}/approval-processes/deal_approval`)).definition;
      expect(process.entryCriteria).to.equal('margin > 10');
      expect(process.onApprove).to.deep.equal([{ webhook: { url: 'https://erp.example.com/hooks/deals?token=••••&mode=••••' } }]);
      const rules = await engine.request('GET', `${META}/automation-rules`);
      const history = await engine.request('GET', `${META}/history?limit=200`);
      for (const response of [rules, history, await engine.request('GET', `${META}/approval-processes`)]) {
        expect(response.status).to.equal(200);
        expect(JSON.stringify(response.body)).to.not.contain('hook-token-123');
      }
      expect(JSON.stringify(history.body)).to.contain('token=••••');
      const created = ok(await engine.request('POST', '/api/v1/records/deal', { title: 'Outbox', amount: 5 }), 201);
      const calls = ok(await engine.request('GET', '/api/v1/outbox/webhook')).calls as { url: string }[];
      expect(calls.map((call) => call.url)).to.include('https://erp.example.com/hooks/rules?token=••••');
      expect(JSON.stringify(calls)).to.not.contain('hook-token-123');
      expect(created._id).to.be.a('string');
    });

    it('keeps a stored token when a definition read and sent back carries its mask, and refuses a mask it cannot match', async () => {
      const read = ok(await engine.request('GET', `${META}/automation-rules/tell_erp`)).definition;
      const saved = ok(await engine.request('PUT', `${META}/automation-rules/tell_erp`, { ...read, label: { en: 'Tell the ERP' } }));
      expect(saved.definition.actions[0].webhook.url).to.equal('https://erp.example.com/hooks/rules?token=••••');
      const tenant = await engine.platform.tenant();
      expect(tenant.metadata.snapshot.automationRules.get('tell_erp')!.definition.actions[0]).to.deep.equal({ webhook: { url: 'https://erp.example.com/hooks/rules?token=hook-token-123' } });

      const moved = { ...read, actions: [{ webhook: { url: 'https://other.example.com/hooks?token=••••' } }] };
      const refused = await engine.request('PUT', `${META}/automation-rules/tell_erp`, moved);
      expect(expectError(refused, 400, 'validation_failed')).to.deep.equal([{ path: '/actions/0/webhook/url', message: 'holds the mask •••• where no stored value matches: write the full URL with its token' }]);
      expectError(await engine.request('POST', `${META}/automation-rules`, { ...moved, name: 'copied' }), 400, 'validation_failed');
    });
  });
});
