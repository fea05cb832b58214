import { expect } from 'chai';
import { buildOrg, defaultTenant, type ObjectName, type Org, type Persona } from '../support/permission-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

type Verdicts = { edit: boolean; delete: boolean; transfer: boolean; share: boolean };

/**
 * What a record page may offer: GET …/:id/permissions answers what the operations themselves
 * would (edit, delete, transfer, share), with the operation's own message as the reason. Each row
 * is checked against the operations too, so the advice cannot drift from what they do.
 */
const CASES: { persona: Persona; object: ObjectName; key: string; expected: Verdicts; why: string }[] = [
  { persona: 'rita', object: 'account', key: 'acc_rita', expected: { edit: true, delete: true, transfer: true, share: true }, why: 'her own account' },
  { persona: 'rita', object: 'account', key: 'acc_mona', expected: { edit: true, delete: false, transfer: false, share: false }, why: "her manager's account, shared to edit by the team rule" },
  { persona: 'mona', object: 'opportunity', key: 'opp_rita_small', expected: { edit: true, delete: true, transfer: true, share: true }, why: "her rep's deal, through the hierarchy" },
  { persona: 'rita', object: 'opportunity_line', key: 'line_small_1', expected: { edit: true, delete: true, transfer: false, share: false }, why: 'a detail: it follows its master' },
  { persona: 'sam', object: 'case', key: 'case_admin', expected: { edit: false, delete: false, transfer: false, share: false }, why: 'a public-read case of someone else' },
  { persona: 'fiona', object: 'opportunity', key: 'opp_rita_big', expected: { edit: false, delete: false, transfer: false, share: false }, why: 'no edit right on the object' },
];

describe('record permissions: what the user may do to one record, and why not', () => {
  let engine: TestEngine;
  let org: Org;

  before(async () => {
    engine = await startTestEngine();
    org = await buildOrg(engine, defaultTenant(engine));
  });
  after(() => engine.stop());

  for (const { persona, object, key, expected, why } of CASES) {
    it(`answers ${JSON.stringify(expected)} for ${persona} on ${key} (${why}), each refusal with a reason`, async () => {
      const response = await org.as(persona)('GET', `/api/v1/records/${object}/${org.id(key)}/permissions`);
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      for (const action of ['edit', 'delete', 'transfer', 'share'] as const) {
        const permission = response.body[action] as { allowed: boolean; reason?: string };
        expect(permission.allowed, `${action}: ${permission.reason}`).to.equal(expected[action]);
        if (permission.allowed) expect(permission).to.not.have.property('reason');
        else expect(permission.reason, action).to.be.a('string').and.not.equal('');
      }
    });
  }

  it('agrees with the operations: a refused transfer and share are refused, an allowed one goes through', async () => {
    const rita = org.as('rita');
    const transfer = await rita('PUT', `/api/v1/records/account/${org.id('acc_mona')}/owner`, { owner: org.userId('rita') });
    expect(transfer.status).to.equal(403);
    const share = await rita('POST', `/api/v1/records/account/${org.id('acc_mona')}/shares`, { user: org.userId('rob'), access: 'read' });
    expect(share.status).to.equal(403);
    const edit = await org.as('sam')('PATCH', `/api/v1/records/case/${org.id('case_admin')}`, { priority: 'high' });
    expect(edit.status).to.equal(403);
    const allowed = await org.as('mona')('POST', `/api/v1/records/opportunity/${org.id('opp_rita_small')}/shares`, { user: org.userId('rob'), access: 'read' });
    expect(allowed.status, JSON.stringify(allowed.body)).to.equal(201);
  });

  it("gives the reason in the request's language, as the operation would", async () => {
    const path = `/api/v1/records/account/${org.id('acc_mona')}`;
    const english = await org.as('rita')('GET', `${path}/permissions`);
    const refused = await org.as('rita')('DELETE', path);
    expect(english.body.delete.reason).to.equal(refused.body.error.message);
    const chinese = await engine.request('GET', `${path}/permissions`, undefined, { ...org.headers('rita'), 'accept-language': 'zh-CN' });
    expect(chinese.body.delete.reason).to.match(/[\u4e00-\u9fff]/);
    expect(chinese.body.delete.reason).to.not.equal(english.body.delete.reason);
  });

  it('answers 404 for a record the user may not see, as every record route does', async () => {
    const response = await org.as('rob')('GET', `/api/v1/records/account/${org.id('acc_rita')}/permissions`);
    expect(response.status).to.equal(404);
  });

  it('states the password rules a new password must meet', async () => {
    const response = await org.as('rita')('GET', '/api/v1/auth/password-policy');
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ minLength: 12, maxLength: 256 });
  });
});
