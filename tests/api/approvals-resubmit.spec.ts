import { expect } from 'chai';
import { expectError } from '../support/api-helpers.js';
import { PURCHASE_APPROVAL, purchasingDepartment, purchasingWithApproval, type Person } from '../support/approval-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const approval = (id: string) => `/api/v1/records/purchase_request/${id}/approval`;
type Ended = 'approved' | 'rejected' | 'returned' | 'recalled' | 'none';

/**
 * Submitting again: an approved record, or one rejected for good, is done with its process unless
 * the process allows re-submission; a returned or recalled one goes back to its submitter. What the
 * approval view offers is asked of the same check the submit event makes, so it cannot drift.
 */
describe('approval processes: submitting a record again', () => {
  let engine: TestEngine;
  let people: Awaited<ReturnType<typeof purchasingDepartment>>;
  const act = (who: Person, id: string, action: string, body: unknown = {}) => who.as('POST', `${approval(id)}/${action}`, body);
  const offers = async (id: string, who?: Person) => ((who ? await who.as('GET', approval(id)) : await engine.request('GET', approval(id))).body.allowedActions as string[]).includes('submit');

  /** A request of the requester's taken to one end of the process. */
  const endedAt = async (end: Ended, amount = 900): Promise<string> => {
    const created = await people.requester.as('POST', '/api/v1/records/purchase_request', { title: `To be ${end}`, amount });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const id = created.body._id as string;
    if (end === 'none') return id;
    expect((await act(people.requester, id, 'submit')).status).to.equal(200);
    if (end === 'recalled') expect((await act(people.requester, id, 'recall')).body.status).to.equal('recalled');
    if (end === 'returned') expect((await act(people.manager, id, 'reject', { comment: 'not now' })).body.status).to.equal('returned');
    if (end === 'approved' || end === 'rejected') {
      await act(people.manager, id, 'approve');
      const decided = end === 'approved' ? await act(people.clerk, id, 'approve') : await act(people.clerk, id, 'reject', { comment: 'no budget' });
      expect(decided.body.status, JSON.stringify(decided.body)).to.equal(end);
    }
    return id;
  };

  before(async () => {
    engine = await startTestEngine();
    people = await purchasingWithApproval(engine);
  });
  after(() => engine.stop());

  it('refuses to submit an approved record again, and offers no submission to its owner nor an administrator', async () => {
    const id = await endedAt('approved');
    expect(await offers(id, people.requester)).to.equal(false);
    expect(await offers(id)).to.equal(false);
    const refused = expectError(await act(people.requester, id, 'submit'), 409, 'already_approved');
    expect(refused.map((detail) => detail.path)).to.deep.equal(['/status']);
    expectError(await engine.request('POST', `${approval(id)}/submit`, {}), 409, 'already_approved');
  });

  it('refuses to submit a record rejected for good again', async () => {
    const id = await endedAt('rejected');
    expect(await offers(id, people.requester)).to.equal(false);
    expectError(await act(people.requester, id, 'submit'), 409, 'already_rejected');
  });

  it('offers the submission whenever the submit event would take it, and only then', async () => {
    const cases: { end: Ended; amount?: number; who: Person; expected: boolean; why: string }[] = [
      { end: 'none', who: people.requester, expected: true, why: 'a new record, to its owner' },
      { end: 'none', amount: 0, who: people.requester, expected: false, why: 'the entry criteria refuse it' },
      { end: 'none', who: people.manager, expected: false, why: 'only the owner submits' },
      { end: 'returned', who: people.requester, expected: true, why: 'returned to its submitter as a draft' },
      { end: 'recalled', who: people.requester, expected: true, why: 'recalled by its submitter' },
      { end: 'approved', who: people.requester, expected: false, why: 'approved' },
      { end: 'rejected', who: people.requester, expected: false, why: 'rejected for good' },
    ];
    for (const { end, amount, who, expected, why } of cases) {
      const id = await endedAt(end, amount);
      const visible = (await who.as('GET', approval(id))).status === 200;
      expect(visible && (await offers(id, who)), `offered (${why})`).to.equal(expected);
      const submitted = await act(who, id, 'submit');
      expect(submitted.status === 200, `accepted (${why}): ${JSON.stringify(submitted.body)}`).to.equal(expected);
    }
  });

  it('takes approved and rejected records again once the process allows re-submission', async () => {
    const approved = await endedAt('approved');
    const rejected = await endedAt('rejected');
    const changed = await engine.request('PUT', `/api/v1/meta/approval-processes/${PURCHASE_APPROVAL.name}`, { ...PURCHASE_APPROVAL, allowResubmit: { afterApproval: true } });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    expect(await offers(approved, people.requester)).to.equal(true);
    expect(await offers(rejected, people.requester)).to.equal(false);
    expect((await act(people.requester, approved, 'submit')).body).to.deep.include({ status: 'pending', step: 'manager' });

    const both = await engine.request('PUT', `/api/v1/meta/approval-processes/${PURCHASE_APPROVAL.name}`, { ...PURCHASE_APPROVAL, allowResubmit: { afterApproval: true, afterRejection: true } });
    expect(both.status, JSON.stringify(both.body)).to.equal(200);
    expect(await offers(rejected, people.requester)).to.equal(true);
    expect((await act(people.requester, rejected, 'submit')).body).to.deep.include({ status: 'pending' });
  });

  it('refuses an allowResubmit that is not two booleans, at its path', async () => {
    const refused = expectError(await engine.request('PUT', `/api/v1/meta/approval-processes/${PURCHASE_APPROVAL.name}`, { ...PURCHASE_APPROVAL, allowResubmit: { afterApproval: 'yes', always: true } }), 400, 'validation_failed');
    expect(refused.map((detail) => detail.path).sort()).to.deep.equal(['/allowResubmit/afterApproval', '/allowResubmit/always']);
  });
});
