import { expect } from 'chai';
import { approvalPath, commentRequired, formatWhen, offeredActions, personName, stepLabelOf } from '../../studio/src/app/approvals/approval-model';

const NAMES = { system: 'The system', approvers: 'the approvers' };

describe('web app: the approval panel and inbox', () => {
  it("offers only the panel's actions the server allows, in reading order", () => {
    expect(offeredActions(['comment', 'recall', 'reassign', 'reject', 'approve'])).to.deep.equal(['approve', 'reject', 'recall']);
    expect(offeredActions(['submit'])).to.deep.equal(['submit']);
    expect(offeredActions([])).to.deep.equal([]);
  });

  it('asks for a comment before a rejection only', () => {
    expect(['submit', 'approve', 'reject', 'recall'].filter((action) => commentRequired(action as 'reject'))).to.deep.equal(['reject']);
  });

  it('names users by the names the server gave, else by id, and the engine as the system', () => {
    const users = { u1: 'Mia Chen' };
    expect(personName(users, 'u1', NAMES)).to.equal('Mia Chen');
    expect(personName(users, 'u2', NAMES)).to.equal('u2');
    expect(personName(users, 'system', NAMES)).to.equal('The system');
    expect(personName(users, 'approvers', NAMES)).to.equal('the approvers');
    expect(personName(users, null, NAMES)).to.equal('');
    expect(personName(users, 'toString', NAMES), 'no inherited property passes for a name').to.equal('toString');
  });

  it("labels the history's steps, keeping the name of a step the process no longer has", () => {
    const view = { steps: [{ name: 'manager', label: '经理' }] };
    expect(stepLabelOf(view, 'manager')).to.equal('经理');
    expect(stepLabelOf(view, 'gone')).to.equal('gone');
    expect(stepLabelOf(view, null)).to.equal(null);
  });

  it('encodes the record id in the event path', () => {
    expect(approvalPath('deal', 'a/b', 'approve')).to.equal('/records/deal/a%2Fb/approval/approve');
    expect(approvalPath('deal', 'x')).to.equal('/records/deal/x/approval');
  });

  it('writes dates in the language of the page, and nothing for a missing one', () => {
    const at = '2026-03-05T09:30:00Z';
    expect(formatWhen(at, 'zh-CN')).to.match(/2026年3月5日/);
    expect(formatWhen(at, 'en')).to.match(/5 Mar 2026/);
    expect(formatWhen(null, 'en')).to.equal('');
    expect(formatWhen('not a date', 'en')).to.equal('');
  });
});
