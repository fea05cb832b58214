import { expect } from 'chai';
import { addPerson, type Person } from '../support/approval-fixtures.js';
import { defineObject, expectError, listRecords } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const ok = (response: TestResponse, status = 200) => {
  expect(response.status, JSON.stringify(response.body)).to.equal(status);
  return response.body;
};

const CONVERSION = {
  convert: {
    create: [
      { as: 'account', object: 'account', values: { name: 'company' } },
      { as: 'contact', object: 'contact', values: { last_name: 'last_name', email: 'email' }, links: { account: 'account' } },
      { as: 'opportunity', object: 'opportunity', values: { name: "company & ' deal'", campaign: 'campaign', lead: '_id' }, links: { account: 'account' } },
    ],
    links: { converted_account: 'account', converted_contact: 'contact', converted_opportunity: 'opportunity' },
  },
};

/** The conversion action: several records from one in one unit of work, from a button, a record-triggered rule or an approval. */
describe('automation: converting a record into several', () => {
  let engine: TestEngine;
  let rep: Person;
  let junior: Person;
  const lead = async (values: Record<string, unknown>, as: Person | null = null) =>
    ok(await (as ? as.as('POST', '/api/v1/records/lead', values) : engine.request('POST', '/api/v1/records/lead', values)), 201) as Record<string, any>;
  const get = async (object: string, id: string) => ok(await engine.request('GET', `/api/v1/records/${object}/${id}`)) as Record<string, any>;
  const press = (who: Person, id: string, rule = 'convert_lead') => who.as('POST', `/api/v1/records/lead/${id}/buttons/${rule}`);
  const accountsNamed = async (name: string) => (await listRecords(engine, 'account', { filter: { name } })).records;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'account', fields: [{ name: 'name', type: 'text', required: true }] });
    await defineObject(engine, {
      name: 'contact',
      fields: [
        { name: 'last_name', type: 'text', required: true },
        { name: 'email', type: 'email' },
        { name: 'account', type: 'lookup', target: 'account' },
      ],
    });
    await defineObject(engine, {
      name: 'lead',
      fields: [
        { name: 'company', type: 'text', required: true },
        { name: 'last_name', type: 'text', required: true },
        // Text on the lead, an e-mail on the contact: a value the contact refuses.
        { name: 'email', type: 'text' },
        { name: 'campaign', type: 'text' },
        { name: 'status', type: 'picklist', values: ['new', 'qualified', 'converted'], default: 'new', trackHistory: true },
        { name: 'converted_account', type: 'lookup', target: 'account' },
        { name: 'converted_contact', type: 'lookup', target: 'contact' },
      ],
    });
    await defineObject(engine, {
      name: 'opportunity',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'account', type: 'lookup', target: 'account' },
        { name: 'lead', type: 'lookup', target: 'lead' },
        { name: 'campaign', type: 'text' },
      ],
    });
    ok(await engine.request('POST', '/api/v1/meta/objects/lead/fields', { name: 'converted_opportunity', type: 'lookup', target: 'opportunity' }), 201);
    ok(
      await engine.request('POST', '/api/v1/meta/automation-rules', {
        name: 'convert_lead',
        object: 'lead',
        label: { en: 'Convert', 'zh-CN': '转换' },
        on: 'button',
        condition: "status != 'converted'",
        actions: [CONVERSION, { setField: 'status', value: 'converted' }],
      }),
      201,
    );
    const everything = { create: true, read: true, edit: true };
    ok(await engine.request('POST', '/api/v1/meta/permission-sets', { name: 'sales', objects: { lead: everything, account: everything, contact: everything, opportunity: everything } }), 201);
    ok(await engine.request('POST', '/api/v1/meta/permission-sets', { name: 'junior_sales', objects: { lead: everything, account: everything, contact: everything, opportunity: { read: true } } }), 201);
    rep = await addPerson(engine, 'rep', { permission_sets: ['standard_user', 'sales'] });
    junior = await addPerson(engine, 'junior', { permission_sets: ['standard_user', 'junior_sales'] });
  });
  after(() => engine.stop());

  it('turns a lead into an account, a contact of that account and an opportunity, links and marks the lead, as the user who pressed Convert', async () => {
    const created = await lead({ company: 'Acme', last_name: 'Li', email: 'li@acme.example', campaign: 'Spring fair' }, rep);
    expect(ok(await rep.as('GET', `/api/v1/records/lead/${created._id}/buttons`)).buttons).to.deep.equal([{ rule: 'convert_lead', label: { en: 'Convert', 'zh-CN': '转换' }, description: null }]);
    const result = ok(await press(rep, created._id));
    const made = Object.fromEntries((result.created as { as: string; _id: string }[]).map((record) => [record.as, record._id]));
    expect(Object.keys(made)).to.deep.equal(['account', 'contact', 'opportunity']);
    expect(result.record).to.include({ status: 'converted', converted_account: made.account, converted_contact: made.contact, converted_opportunity: made.opportunity });
    expect(await get('contact', made.contact!)).to.include({ last_name: 'Li', email: 'li@acme.example', account: made.account, _owner: rep.id });
    expect(await get('opportunity', made.opportunity!)).to.include({ name: 'Acme deal', account: made.account, campaign: 'Spring fair', lead: created._id, _createdBy: rep.id });
    // The lead keeps its history: the conversion is a change of it by the rep.
    const history = ok(await engine.request('GET', `/api/v1/records/lead/${created._id}/history`)).entries as { field: string; old: unknown; new: unknown; by: string }[];
    expect(history.find((entry) => entry.field === 'status')).to.include({ old: 'new', new: 'converted', by: rep.id });
    // Converted, it offers Convert no more, and pressing it again is refused.
    expect(ok(await rep.as('GET', `/api/v1/records/lead/${created._id}/buttons`)).buttons).to.deep.equal([]);
    expectError(await press(rep, created._id), 409, 'rule_not_applicable');
  });

  it('creates nothing when one of the records is refused, and says which record and field', async () => {
    const created = await lead({ company: 'Bad Mail Ltd', last_name: 'Wu', email: 'not an address' }, rep);
    const details = expectError(await press(rep, created._id), 400);
    expect(details.map((detail) => detail.path)).to.deep.equal(['/contact/email']);
    expect(await accountsNamed('Bad Mail Ltd')).to.deep.equal([]);
    expect(await get('lead', created._id)).to.include({ status: 'new' }).and.not.have.property('converted_account');
  });

  it('runs with the permissions of the user who presses it: without the right to create opportunities, nothing is created', async () => {
    const created = await lead({ company: 'Junior Co', last_name: 'Zhao' }, junior);
    expectError(await press(junior, created._id), 403);
    expect(await accountsNamed('Junior Co')).to.deep.equal([]);
    expect((await get('lead', created._id)).status).to.equal('new');
  });

  it('answers 404 for a rule that is not a button of the object, and for a lead that does not exist', async () => {
    expectError(await press(rep, (await lead({ company: 'X', last_name: 'Y' }))._id, 'no_such_rule'), 404);
    expectError(await press(rep, '0123456789abcdef01234567'), 404);
  });

  it('converts from a record-triggered rule, when a lead becomes qualified', async () => {
    ok(
      await engine.request('POST', '/api/v1/meta/automation-rules', {
        name: 'convert_qualified',
        object: 'lead',
        on: 'update',
        condition: "status = 'qualified'",
        actions: [CONVERSION, { setField: 'status', value: 'converted' }],
      }),
      201,
    );
    const created = await lead({ company: 'Qualified Inc', last_name: 'Sun' });
    const updated = ok(await engine.request('PATCH', `/api/v1/records/lead/${created._id}`, { status: 'qualified' }));
    expect(updated.status).to.equal('converted');
    expect((await get('account', updated.converted_account)).name).to.equal('Qualified Inc');
    expect((await get('contact', updated.converted_contact)).account).to.equal(updated.converted_account);
    ok(await engine.request('DELETE', '/api/v1/meta/automation-rules/convert_qualified'));
  });

  it('converts from an approval action, when the conversion is approved', async () => {
    ok(
      await engine.request('POST', '/api/v1/meta/approval-processes', {
        name: 'conversion_approval',
        object: 'lead',
        steps: [{ name: 'manager', approvers: [{ user: engine.adminId }] }],
        onApprove: [CONVERSION, { setField: 'status', value: 'converted' }],
      }),
      201,
    );
    const created = await lead({ company: 'Approved Corp', last_name: 'Ma' });
    ok(await engine.request('POST', `/api/v1/records/lead/${created._id}/approval/submit`, { process: 'conversion_approval' }));
    ok(await engine.request('POST', `/api/v1/records/lead/${created._id}/approval/approve`, {}));
    const converted = await get('lead', created._id);
    expect(converted.status).to.equal('converted');
    expect((await get('opportunity', converted.converted_opportunity)).account).to.equal(converted.converted_account);
  });

  it('refuses a conversion whose links name no earlier record, or that leaves out a field a record requires, at their paths', async () => {
    const refused = expectError(
      await engine.request('POST', '/api/v1/meta/automation-rules', {
        name: 'broken_conversion',
        object: 'lead',
        on: 'button',
        actions: [
          {
            convert: {
              create: [
                { as: 'contact', object: 'contact', values: { email: 'email' }, links: { account: 'account' } },
                { as: 'account', object: 'account', values: { name: 'company' } },
              ],
              links: { converted_account: 'contact' },
            },
          },
        ],
      }),
      400,
    ).map((detail) => detail.path);
    expect(refused).to.include.members(['/actions/0/convert/create/0/links/account', '/actions/0/convert/create/0/values', '/actions/0/convert/links/converted_account']);
  });
});
