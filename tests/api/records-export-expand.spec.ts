import { expect } from 'chai';
import { expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { buildOrg, csvColumn, defaultTenant, FIELDS, parseCsv, type Caller, type Org, type Persona } from '../support/permission-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const PASSWORD = 'a password for carl cases';

/** The export follows `expand` as lists do, with the parents' record access and field security. */
describe('records export with parents expanded', () => {
  let engine: TestEngine;
  let org: Org;
  let hiddenParentOpportunity: string;

  const exportAs = async (persona: Persona, object: string, query: Record<string, string>) => {
    const headers = persona === 'admin' ? { authorization: `Bearer ${engine.token}` } : org.headers(persona);
    const response = await fetch(`${engine.url}/api/v1/records/${object}/export?${new URLSearchParams(query)}`, { headers });
    expect(response.status, response.status === 200 ? '' : await response.clone().text()).to.equal(200);
    return parseCsv(await response.text());
  };
  const caller = (persona: Persona): Caller => org.as(persona);

  before(async () => {
    engine = await startTestEngine();
    org = await buildOrg(engine, defaultTenant(engine));
    // An opportunity of Rita's on an account she may not see (the administrator's).
    const created = await caller('admin')('POST', '/api/v1/records/opportunity', { name: 'Rita on a hidden account', account: org.id('acc_admin'), amount: 10 });
    expect(created.status).to.equal(201);
    hiddenParentOpportunity = created.body._id;
    expect((await caller('admin')('PUT', `/api/v1/records/opportunity/${hiddenParentOpportunity}/owner`, { owner: org.userId('rita') })).status).to.equal(200);
    // A parent whose name a spreadsheet would run as a formula.
    expect((await caller('admin')('PATCH', `/api/v1/records/account/${org.id('acc_rita')}`, { name: '=HYPERLINK("http://x")' })).status).to.equal(200);
  });
  after(() => engine.stop());

  it('adds every readable field of each expanded parent as <relation>.<field> columns', async () => {
    const rows = await exportAs('admin', 'opportunity', { expand: 'account,owner', sort: 'name' });
    const header = rows[0]!;
    expect(header).to.include.members(FIELDS.account.map((field) => `account.${field}`));
    expect(header).to.include.members(['owner.full_name', 'owner.email']);
    const byName = new Map(rows.slice(1).map((row) => [row[header.indexOf('name')], row]));
    const mona = byName.get(org.nameOf('opp_mona'))!;
    expect(mona[header.indexOf('account.name')]).to.equal(org.nameOf('acc_mona'));
    expect(mona[header.indexOf('account.industry')]).to.equal('manufacturing');
    expect(mona[header.indexOf('owner.full_name')]).to.equal('Mona Manager');
  });

  it('picks parents\' fields one by one with fields=<relation>.<field>, expanding them without expand', async () => {
    const rows = await exportAs('admin', 'opportunity', { fields: 'name,account.name,account.industry', sort: 'name' });
    expect(rows[0]).to.deep.equal(['_id', 'name', 'account.name', 'account.industry']);
    expect(rows.slice(1).map((row) => row.slice(1))).to.deep.include([org.nameOf('opp_rob'), org.nameOf('acc_rob'), 'public_sector']);
  });

  it('defuses a parent\'s formula-like value like any other cell', async () => {
    const rows = await exportAs('admin', 'opportunity', { fields: 'name,account.name' });
    expect(csvColumn(rows, 'account.name')).to.include(`'=HYPERLINK("http://x")`);
  });

  it('leaves the parent\'s cells empty where the user may not see the parent', async () => {
    const rows = await exportAs('rita', 'opportunity', { fields: 'name,account.name,account.industry' });
    const row = rows.find((cells) => cells[0] === hiddenParentOpportunity)!;
    expect(row.slice(1)).to.deep.equal(['Rita on a hidden account', '', '']);
    const own = rows.find((cells) => cells[1] === org.nameOf('opp_rita_small'))!;
    expect(own[2]).to.equal(`'=HYPERLINK("http://x")`);
  });

  it('leaves out of the columns a parent field the user may not read, and refuses to name it', async () => {
    const rows = await exportAs('rita', 'opportunity_line', { expand: 'opportunity' });
    expect(rows[0]).to.include.members(['opportunity.name', 'opportunity.amount', 'opportunity.discount']).and.not.include('opportunity.margin');
    expect(csvColumn(rows, 'opportunity.name')).to.include(org.nameOf('opp_rita_big'));
    const refused = await caller('rita')('GET', `/api/v1/records/opportunity_line/export?${new URLSearchParams({ fields: 'name,opportunity.margin' })}`);
    expect(expectError(refused, 400, 'validation_failed')).to.deep.equal([{ path: '/fields', message: "'margin' is not a field of opportunity (through opportunity)" }]);
    expect((await exportAs('mona', 'opportunity_line', { fields: 'name,opportunity.margin' }))[0]).to.deep.equal(['_id', 'name', 'opportunity.margin']);
  });

  it('refuses a parent object the user may not read at all with 403, as expand does', async () => {
    expect((await caller('admin')('POST', '/api/v1/meta/permission-sets', { name: 'case_reader', objects: { case: { read: true } } })).status).to.equal(201);
    const carl = await createUser(engine, { full_name: 'Carl Cases', email: 'carl@example.com', permission_sets: ['standard_user', 'case_reader'] }, PASSWORD);
    expect(carl).to.be.a('string');
    const token = await tokenFor(engine, 'carl@example.com', PASSWORD);
    const own = await fetch(`${engine.url}/api/v1/records/case/export?fields=name`, { headers: bearer(token) });
    expect(own.status).to.equal(200);
    for (const query of ['expand=account', 'fields=name,account.name']) {
      const refused = await engine.request('GET', `/api/v1/records/case/export?${query}`, undefined, bearer(token));
      expectError(refused, 403, 'forbidden');
    }
  });

  it('refuses a dotted column whose relation is not a lookup', async () => {
    const response = await caller('admin')('GET', `/api/v1/records/opportunity/export?${new URLSearchParams({ fields: 'name,stage.name' })}`);
    expect(expectError(response, 400, 'validation_failed').map((detail) => detail.path)).to.deep.equal(['/fields']);
  });

  it('leaves out the fields of the owner the user may not read', async () => {
    const rows = await exportAs('rita', 'opportunity', { expand: 'owner' });
    expect(rows[0]).to.include('owner.full_name').and.not.include('owner.permission_sets');
    expect((await exportAs('admin', 'opportunity', { expand: 'owner' }))[0]).to.include('owner.permission_sets');
  });

  describe('lookups=name', () => {
    it("writes each lookup column as its parent's name, under the field's own header", async () => {
      const named = await exportAs('admin', 'opportunity', { fields: 'name,account', lookups: 'name' });
      expect(named[0]).to.deep.equal(['_id', 'name', 'account']);
      expect(named.find((row) => row[1] === org.nameOf('opp_mona'))![2]).to.equal(org.nameOf('acc_mona'));
      const ids = await exportAs('admin', 'opportunity', { fields: 'name,account', lookups: 'id' });
      expect(ids.find((row) => row[1] === org.nameOf('opp_mona'))![2]).to.equal(org.id('acc_mona'));
    });

    it('names master-detail parents in a full export too, beside the expanded columns', async () => {
      const rows = await exportAs('admin', 'opportunity_line', { lookups: 'name', expand: 'opportunity' });
      const header = rows[0]!;
      const racks = rows.find((row) => row[header.indexOf('name')] === org.nameOf('line_big'))!;
      expect(racks[header.indexOf('opportunity')]).to.equal(org.nameOf('opp_rita_big'));
      expect(racks[header.indexOf('opportunity.amount')]).to.equal('150000');
    });

    it('keeps the id where the user may not see the parent record, and defuses a name like any cell', async () => {
      const rows = await exportAs('rita', 'opportunity', { fields: 'name,account', lookups: 'name' });
      expect(rows.find((row) => row[0] === hiddenParentOpportunity)!.slice(1)).to.deep.equal(['Rita on a hidden account', org.id('acc_admin')]);
      expect(rows.find((row) => row[1] === org.nameOf('opp_rita_small'))![2]).to.equal(`'=HYPERLINK("http://x")`);
    });

    it('keeps the ids, without a 403, where the user may not read the parent object', async () => {
      expect((await caller('admin')('POST', '/api/v1/meta/permission-sets', { name: 'case_only_reader', objects: { case: { read: true } } })).status).to.equal(201);
      await createUser(engine, { full_name: 'Dora Desk', email: 'dora@example.com', permission_sets: ['standard_user', 'case_only_reader'] }, PASSWORD);
      const token = await tokenFor(engine, 'dora@example.com', PASSWORD);
      const response = await fetch(`${engine.url}/api/v1/records/case/export?${new URLSearchParams({ fields: 'name,account', lookups: 'name' })}`, { headers: bearer(token) });
      expect(response.status).to.equal(200);
      const rows = parseCsv(await response.text());
      expect(rows.find((row) => row[1] === org.nameOf('case_sam'))![2]).to.equal(org.id('acc_rob'));
    });

    it('refuses any other value of lookups', async () => {
      const response = await caller('admin')('GET', `/api/v1/records/opportunity/export?${new URLSearchParams({ lookups: 'label' })}`);
      expect(expectError(response, 400, 'validation_failed')).to.deep.equal([{ path: '/lookups', message: "must be 'id' or 'name', got 'label'" }]);
    });
  });
});
