import { expect } from 'chai';
import { ValidationError } from '../../engine/errors/index.js';
import { tenantWriteHooks } from '../../engine/records/write-pipeline/index.js';
import { createRecord, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const VENDOR = { name: 'af_vendor', label: { en: 'Vendor' }, fields: [{ name: 'title', type: 'text' }] };
const REQUEST = {
  name: 'af_request',
  label: { en: 'Request' },
  fields: [
    { name: 'title', type: 'text' },
    { name: 'status', type: 'picklist', values: ['draft', 'approved'], default: 'draft' },
    { name: 'vendor', type: 'lookup', target: 'af_vendor' },
    { name: 'vendor_code', type: 'text' },
    { name: 'handled', type: 'boolean', default: false },
  ],
};

/**
 * Issue 13: "field changes made by an approval or a rule get everything an API update gets
 * (references, …, further rules within the depth limit)". Formulas, roll-ups and history are
 * tests/api/derived-values-follow.spec.ts; here, the references an approval sets and the rules its change fires.
 */
describe('an approval\'s field changes are record updates like any other', () => {
  let engine: TestEngine;
  const approval = (id: string) => `/api/v1/records/af_request/${id}/approval`;
  const submitted = async (values: Record<string, unknown>) => {
    const request = await createRecord(engine, 'af_request', values);
    const submit = await engine.request('POST', `${approval(request._id)}/submit`, {});
    expect(submit.status, JSON.stringify(submit.body)).to.equal(200);
    return request._id as string;
  };

  before(async () => {
    engine = await startTestEngine();
    for (const object of [VENDOR, REQUEST]) expect((await engine.request('POST', '/api/v1/meta/objects', object)).status).to.equal(201);
    const process = {
      name: 'af_approval',
      object: 'af_request',
      steps: [{ name: 'lead', approvers: [{ user: engine.adminId }] }],
      onApprove: [{ setField: 'status', value: 'approved' }, { setField: 'vendor', expression: 'vendor_code' }],
    };
    expect((await engine.request('POST', '/api/v1/meta/approval-processes', process)).status).to.equal(201);
    const rule = { name: 'af_handle_approved', object: 'af_request', on: 'update', condition: "status = 'approved'", actions: [{ setField: 'handled', value: true }] };
    expect((await engine.request('POST', '/api/v1/meta/automation-rules', rule)).status).to.equal(201);
  });
  after(() => engine.stop());

  it('goes through the stages of the one write path: a tenant\'s hook sees the approval\'s update and the rule\'s change it fires, and refuses it as it refuses an API update', async () => {
    const hooks = tenantWriteHooks(await engine.platform.tenant('default'));
    const seen: string[] = [];
    hooks.on('beforeSave', 'af-watch', async (_tx, event) => {
      seen.push(`${event.kind} ${event.ctx.source} status=${String(event.record.status)} handled=${String(event.record.handled)}`);
      if (event.record.status === 'approved' && event.record.title === 'Embargoed') throw new ValidationError([{ path: '/title', message: 'is under an embargo' }]);
    }, { objects: ['af_request'] });
    try {
      const id = await submitted({ title: 'Gaskets' });
      seen.length = 0;
      expect((await engine.request('POST', `${approval(id)}/approve`, {})).status).to.equal(200);
      expect(seen, 'one update, in the approver\'s request, with the rule it fired staged in it').to.deep.equal(['update api status=approved handled=true']);
      const embargoed = await submitted({ title: 'Embargoed' });
      const before = (await engine.request('GET', `/api/v1/records/af_request/${embargoed}`)).body;
      expect(expectError(await engine.request('POST', `${approval(embargoed)}/approve`, {}), 400)).to.deep.equal([{ path: '/title', message: 'is under an embargo' }]);
      expect((await engine.request('GET', `/api/v1/records/af_request/${embargoed}`)).body).to.deep.equal(before);
    } finally {
      hooks.off('af-watch');
    }
  });

  it('runs the automation rules an API update runs when an approval sets a field, and sets a reference that exists', async () => {
    const vendor = await createRecord(engine, 'af_vendor', { title: 'Acme pumps' });
    const id = await submitted({ title: 'Pumps', vendor_code: vendor._id });
    const approved = await engine.request('POST', `${approval(id)}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    const request = (await engine.request('GET', `/api/v1/records/af_request/${id}`)).body;
    expect(request).to.include({ status: 'approved', vendor: vendor._id, handled: true });
  });

  it('refuses an approval whose field change names a record that does not exist, as an API update is refused, and changes nothing', async () => {
    const missing = '0123456789abcdef01234567';
    const direct = await createRecord(engine, 'af_request', { title: 'Direct' });
    const [apiDetail] = expectError(await engine.request('PATCH', `/api/v1/records/af_request/${direct._id}`, { vendor: missing }), 400);
    const id = await submitted({ title: 'Valves', vendor_code: missing });
    const before = (await engine.request('GET', `/api/v1/records/af_request/${id}`)).body;
    const refused = await engine.request('POST', `${approval(id)}/approve`, {});
    const [detail] = expectError(refused, 400);
    expect(detail, 'the same refusal as the API update').to.deep.equal(apiDetail);
    const after = (await engine.request('GET', `/api/v1/records/af_request/${id}`)).body;
    expect(after).to.deep.equal(before);
    expect((await engine.request('GET', approval(id))).body).to.deep.include({ status: 'pending', step: 'lead' });
  });
});
