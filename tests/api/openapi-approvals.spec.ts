import { expect } from 'chai';
import { PURCHASE_APPROVAL, purchasingDepartment } from '../support/approval-fixtures.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { expectDocumented, fetchDoc, validate, type Doc } from '../support/openapi-fixtures.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const RECORDS = '/api/v1/records';
const APPROVAL = `${RECORDS}/purchase_request/{id}/approval`;
const INBOX = '/api/v1/approvals/inbox';
const MACHINE = '/api/v1/meta/approval-processes/{name}/machine';
const SIMULATE = '/api/v1/meta/approval-processes/{name}/simulate';
const ACTIONS = ['submit', 'approve', 'reject', 'recall', 'reassign', 'comment'];

/** An inactive process with every kind of action, so that each simulated action's schema meets a real one. */
const NOTICE = {
  name: 'purchase_notice',
  object: 'purchase_request',
  active: false,
  steps: [
    {
      name: 'desk',
      approvers: [{ role: 'finance' }],
      onEnter: [
        { email: { to: ['approvers'], subject: 'Please look at {{title}}', body: '{{link}}' } },
        { webhook: { url: 'https://hooks.example.com/notice' } },
      ],
      onLeave: [{ setField: 'status', value: 'submitted' }],
    },
  ],
  onApprove: [{ createRecord: { object: 'purchase_request', values: { title: "'Copy of ' & title", amount: 'amount' } } }],
};

/** The approval routes in the document: per object with a process, the inbox, the machine and the simulation. */
describe('OpenAPI document: approvals', () => {
  let engine: TestEngine;
  let people: Awaited<ReturnType<typeof purchasingDepartment>>;

  before(async () => {
    engine = await startTestEngine();
    people = await purchasingDepartment(engine);
    for (const process of [PURCHASE_APPROVAL, NOTICE]) {
      const created = await engine.request('POST', '/api/v1/meta/approval-processes', process);
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
    }
  });
  after(() => engine.stop());

  it('documents the approval of each object that has a process, the inbox, the machine and the simulation, and stays valid', async () => {
    const doc = await fetchDoc(engine);
    await validate(doc);
    expect(doc.paths[APPROVAL]).to.have.all.keys('parameters', 'get');
    for (const action of ACTIONS) {
      const operation = doc.paths[`${APPROVAL}/${action}`]!.post;
      expect(operation.operationId).to.equal(`records.purchase_request.approval.${action}`);
      expect(operation.tags).to.deep.equal(['purchase_request']);
      expect(operation.responses['200'].content['application/json'].schema.$ref).to.equal('#/components/schemas/ApprovalView');
      expect(operation.responses).to.include.keys('400', '403', '404', '409', '422');
    }
    expect(doc.paths[`${APPROVAL}/reject`]!.post.requestBody).to.deep.include({ required: true });
    expect(doc.paths[`${APPROVAL}/reject`]!.post.requestBody.content['application/json'].schema.required).to.deep.equal(['comment']);
    expect(doc.paths[`${APPROVAL}/reassign`]!.post.requestBody.content['application/json'].schema.required).to.deep.equal(['to']);
    expect(doc.paths[`${APPROVAL}/approve`]!.post.requestBody).to.deep.include({ required: false });
    // Objects without a process have no approval routes in the document.
    expect(doc.paths).to.not.have.any.keys(`${RECORDS}/user/{id}/approval`, `${RECORDS}/user/{id}/approval/submit`);

    expect(doc.paths[INBOX]!.get.responses['200'].content['application/json'].schema.$ref).to.equal('#/components/schemas/ApprovalInbox');
    expect(doc.paths[MACHINE]!.get.responses['200'].content['application/json'].schema.$ref).to.equal('#/components/schemas/ApprovalMachine');
    const simulate = doc.paths[SIMULATE]!.post;
    expect(simulate.requestBody.content['application/json'].schema.$ref).to.equal('#/components/schemas/ApprovalSimulationRequest');
    expect(simulate.responses['200'].content['application/json'].schema.$ref).to.equal('#/components/schemas/ApprovalSimulation');
    expect(simulate.responses).to.include.keys('400', '403', '404');
    expect(doc.components.schemas.ApprovalHistoryEntry.properties.action.enum).to.include.members(['submit', 'skip', 'escalate', 'returned']);
    expect((doc as Doc & { tags: { name: string }[] }).tags.map((tag) => tag.name)).to.include('Approvals');
  });

  it('adds the approval routes of an object with its first process and removes them with its last', async () => {
    const created = await engine.request('POST', '/api/v1/meta/objects', { name: 'expense', fields: [{ name: 'amount', type: 'number' }] });
    expect(created.status).to.equal(201);
    expect((await fetchDoc(engine)).paths).to.not.have.property(`${RECORDS}/expense/{id}/approval`);
    const process = { name: 'expense_approval', object: 'expense', steps: [{ name: 'boss', approvers: [{ user: engine.adminId }] }] };
    expect((await engine.request('POST', '/api/v1/meta/approval-processes', process)).status).to.equal(201);
    const withIt = await fetchDoc(engine);
    expect(withIt.paths).to.include.keys(`${RECORDS}/expense/{id}/approval`, `${RECORDS}/expense/{id}/approval/submit`);
    await validate(withIt);
    expect((await engine.request('DELETE', '/api/v1/meta/approval-processes/expense_approval')).status).to.equal(200);
    expect((await fetchDoc(engine)).paths).to.not.have.property(`${RECORDS}/expense/{id}/approval`);
  });

  it('describes what the approval routes really return', async () => {
    const doc = await fetchDoc(engine);
    const is = (method: string, path: string, response: TestResponse, status: number) => expectDocumented(doc, method, path, response, status);
    const created = await people.requester.as('POST', `${RECORDS}/purchase_request`, { title: 'Servers', amount: 80000 });
    expect(created.status).to.equal(201);
    const at = `${RECORDS}/purchase_request/${created.body._id}/approval`;

    is('get', APPROVAL, await people.requester.as('GET', at), 200);
    is('post', `${APPROVAL}/approve`, await people.requester.as('POST', `${at}/approve`, {}), 409);
    is('post', `${APPROVAL}/submit`, await people.requester.as('POST', `${at}/submit`, { comment: 'needed for the launch' }), 200);
    is('post', `${APPROVAL}/submit`, await people.requester.as('POST', `${at}/submit`, {}), 409);
    is('post', `${APPROVAL}/reject`, await people.manager.as('POST', `${at}/reject`, {}), 400);
    is('post', `${APPROVAL}/approve`, await people.outsider.as('POST', `${at}/approve`, {}), 404);
    is('post', `${APPROVAL}/approve`, await people.requester.as('POST', `${at}/approve`, {}), 403);
    is('post', `${APPROVAL}/comment`, await people.manager.as('POST', `${at}/comment`, { comment: 'looking' }), 200);
    is('post', `${APPROVAL}/approve`, await people.manager.as('POST', `${at}/approve`, { comment: 'fine' }), 200);
    is('post', `${APPROVAL}/reassign`, await people.cfo.as('POST', `${at}/reassign`, { to: people.clerk.id }), 200);
    is('get', INBOX, await people.clerk.as('GET', `${INBOX}?sort=-assignedAt&limit=5`), 200);
    is('get', INBOX, await people.clerk.as('GET', `${INBOX}?sort=sideways`), 400);
    is('post', `${APPROVAL}/recall`, await people.requester.as('POST', `${at}/recall`, {}), 200);
    const after = await people.requester.as('GET', at);
    is('get', APPROVAL, after, 200);
    expect(after.body.history.map((entry: { action: string }) => entry.action)).to.deep.equal(['submit', 'comment', 'approve', 'reassign', 'recall']);
    is('get', APPROVAL, await people.requester.as('GET', `${RECORDS}/purchase_request/6650f1c2a1b2c3d4e5f60718/approval`), 404);

    is('get', MACHINE, await engine.request('GET', '/api/v1/meta/approval-processes/purchase_approval/machine'), 200);
    is('get', MACHINE, await engine.request('GET', '/api/v1/meta/approval-processes/none_such/machine'), 404);

    const simulate = (name: string, body: unknown, as?: string) => engine.request('POST', `/api/v1/meta/approval-processes/${name}/simulate`, body, as ? bearer(as) : {});
    const large = await simulate('purchase_approval', { record: { title: 'Racks', amount: 90000 }, submitter: people.requester.id });
    is('post', SIMULATE, large, 200);
    expect(large.body.path).to.deep.equal(['manager', 'cfo', 'finance', 'approved']);
    const notice = await simulate('purchase_notice', { recordId: created.body._id });
    is('post', SIMULATE, notice, 200);
    expect(notice.body.steps[0].onEnter.map((action: { type: string }) => action.type)).to.deep.equal(['email', 'webhook']);
    expect(notice.body.onApprove[0]).to.deep.include({ type: 'createRecord', values: { title: 'Copy of Servers', amount: 80000 } });
    is('post', SIMULATE, await simulate('purchase_approval', { record: { title: 'Nothing', amount: 0 } }), 200);
    is('post', SIMULATE, await simulate('purchase_approval', { record: { amount: 'many' } }), 400);
    is('post', SIMULATE, await simulate('none_such', { record: {} }), 404);
    is('post', SIMULATE, await simulate('purchase_approval', { record: {} }, people.requester.token), 403);
  });

  describe("a user's own document", () => {
    const documentOf = async (email: string, sets: string[]): Promise<Doc> => {
      await createUser(engine, { full_name: email.split('@')[0], email, permission_sets: ['standard_user', ...sets] }, 'an approvals password');
      const response = await engine.request('GET', '/api/v1/openapi.json', undefined, bearer(await tokenFor(engine, email, 'an approvals password')));
      expect(response.status).to.equal(200);
      return response.body;
    };

    it('keeps the approval routes of the objects the user reads, and leaves out the simulation', async () => {
      const doc = await documentOf('buyer@example.com', ['purchasing']);
      await validate(doc);
      expect(doc.paths).to.include.keys(APPROVAL, `${APPROVAL}/submit`, INBOX, MACHINE);
      expect(doc.paths).to.not.have.property(SIMULATE);
    });

    it('leaves out the approval routes of an object the user may not read', async () => {
      const doc = await documentOf('stranger@example.com', []);
      await validate(doc);
      expect(doc.paths).to.not.have.any.keys(APPROVAL, `${APPROVAL}/submit`, SIMULATE);
      expect(doc.paths).to.include.keys(INBOX);
    });
  });
});
