import { expect } from 'chai';
import { actionParts, changedFields, isoToLocal, localToIso, subjectOf } from '../../studio/src/app/setup/audit/audit-entry';

describe('web app: reading an audit entry', () => {
  it('tells a record change from a change of a definition, which the log names kind:name', () => {
    expect(subjectOf({ action: 'record.update', object: 'invoice' })).to.deep.equal({ type: 'record', object: 'invoice' });
    expect(subjectOf({ action: 'metadata.permissionSet.update', object: 'permissionSet:sales_user' })).to.deep.equal({ type: 'definition', kind: 'permissionSet', name: 'sales_user' });
    expect(subjectOf({ action: 'auth.login' })).to.deep.equal({ type: 'none' });
  });

  it('splits an action into its area, kind and verb, leaving unknown shapes whole', () => {
    expect(actionParts('record.restore')).to.deep.equal({ area: 'record', verb: 'restore' });
    expect(actionParts('metadata.field.delete')).to.deep.equal({ area: 'metadata', kind: 'field', verb: 'delete' });
    expect(actionParts('auth.login_failed')).to.deep.equal({ area: 'auth', verb: 'login_failed' });
    expect(actionParts('approval.step.approve')).to.deep.equal({ area: 'other', verb: 'approval.step.approve' });
  });

  it('lists the changed fields with their values as text, an absent value empty', () => {
    expect(changedFields({ changes: { amount: { old: 100, new: 120 }, notes: { old: null, new: 'late' }, tags: { old: ['a'], new: undefined } } })).to.deep.equal([
      { field: 'amount', old: '100', new: '120' },
      { field: 'notes', old: '', new: 'late' },
      { field: 'tags', old: '["a"]', new: '' },
    ]);
    expect(changedFields({})).to.deep.equal([]);
  });

  it('turns the local time of a date box into the instant the API filters by, and back', () => {
    const iso = localToIso('2026-12-05T09:30');
    expect(iso).to.equal(new Date(2026, 11, 5, 9, 30).toISOString());
    expect(isoToLocal(iso)).to.equal('2026-12-05T09:30');
    expect(localToIso('')).to.equal(undefined);
    expect(localToIso('not a time')).to.equal(undefined);
  });
});
