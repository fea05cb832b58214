import { expect } from 'chai';
import { auditQuery, filtersFromQuery } from '../../studio/src/app/setup/audit/audit-filters';

describe('web app: the audit log filters', () => {
  it('sends only the filters that are set, leaving blank boxes out', () => {
    const query = auditQuery({ action: 'update', actor: '  ', object: 'invoice', record: '' });
    expect(query.toString()).to.equal('action=update&object=invoice');
  });

  it('adds the cursor of the next page and the page size', () => {
    const query = auditQuery({ record: 'r1', from: '2026-12-01T00:00:00.000Z' }, '65a1b2c3d4e5f60718293a4b', 50);
    expect(Object.fromEntries(query)).to.deep.equal({ record: 'r1', from: '2026-12-01T00:00:00.000Z', before: '65a1b2c3d4e5f60718293a4b', limit: '50' });
  });

  it('starts from the first page when there is no cursor', () => {
    expect(auditQuery({ object: 'account' }, null).has('before')).to.equal(false);
  });

  it('reads back from an address the filters it wrote, ignoring unknown and blank parameters', () => {
    const filters = { action: 'delete', actor: 'u1', object: 'invoice', record: 'r9', from: '2026-12-01T00:00:00.000Z', to: '2026-12-05T00:00:00.000Z' };
    expect(filtersFromQuery(auditQuery(filters))).to.deep.equal(filters);
    expect(filtersFromQuery(new URLSearchParams('tab=x&object=&record=r2'))).to.deep.equal({ record: 'r2' });
  });
});
