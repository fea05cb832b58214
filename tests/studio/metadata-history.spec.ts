import { expect } from 'chai';
import { actionVerb, historyPath, revertRequest, versionsOf, type HistoryEntry } from '../../studio/src/app/setup/history/metadata-history';

const entry = (version: number, action: string, before: unknown, after: unknown): HistoryEntry => ({ _id: `h${version}`, version, kind: 'layout', name: 'deal_main', action, before, after, by: 'u1', at: `2026-12-0${version}T10:00:00.000Z` });

describe('web app: a definition\'s history and revert', () => {
  const v1 = { name: 'deal_main', object: 'deal', sections: [] };
  const v2 = { ...v1, label: { en: 'Main' } };
  const versions = versionsOf([entry(3, 'layout.delete', v2, null), entry(2, 'layout.update', v1, v2), entry(1, 'layout.create', null, v1)]);

  it('reads each version as the definition a change left, newest first', () => {
    expect(versions.map((version) => [version.version, version.definition])).to.deep.equal([
      [3, null],
      [2, v2],
      [1, v1],
    ]);
  });

  it('puts the old definition over the current one, under the name it has now', () => {
    const renamed = { ...v2, name: 'deal_compact' };
    expect(revertRequest('layout', versions[2]!, { ...versions[1]!, definition: renamed })).to.deep.equal({ method: 'PUT', path: '/meta/layouts/deal_compact', body: v1 });
    expect(revertRequest('permissionSet', { ...versions[2]!, definition: { name: 'sales' } }, { ...versions[1]!, definition: { name: 'sales' } })!.path).to.equal('/meta/permission-sets/sales');
  });

  it('creates the definition again when it was deleted since, except a currency, which is put', () => {
    expect(revertRequest('layout', versions[1]!, versions[0]!)).to.deep.equal({ method: 'POST', path: '/meta/layouts', body: v2 });
    expect(revertRequest('currency', { ...versions[1]!, definition: { name: 'eur' } }, versions[0]!)).to.deep.equal({ method: 'PUT', path: '/meta/currencies/eur', body: { name: 'eur' } });
  });

  it('sends a pack\'s kind to the path the tenant serves it at', () => {
    const policy = { name: 'gold', object: 'ticket', responseHours: 4 };
    const older = { ...versions[2]!, definition: policy };
    const current = { ...versions[1]!, definition: { ...policy, responseHours: 3 } };
    expect(revertRequest('slaPolicy', older, current, 'sla-policies')).to.deep.equal({ method: 'PUT', path: '/meta/sla-policies/gold', body: policy });
    expect(revertRequest('slaPolicy', older, current), 'without the tenant\'s path: not a kind the studio knows').to.equal(undefined);
  });

  it('offers no revert to a version left by a delete, nor for a kind it has no address for', () => {
    expect(revertRequest('layout', versions[0]!, versions[1]!)).to.equal(undefined);
    expect(revertRequest('widget', versions[1]!, versions[1]!)).to.equal(undefined);
  });

  it('names the verb of an action and the address of a definition\'s history', () => {
    expect(actionVerb('permissionSet.update')).to.equal('update');
    expect(historyPath('permissionSet', 'sales user')).to.equal('/setup/history/permissionSet/sales%20user');
  });
});
