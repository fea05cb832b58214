import { expect } from 'chai';
import { storedIndex, type StoredIndex } from '../../../engine/store/embedded/index-entries.js';
import { planQuery, withTieBreak, type Plan } from '../../../engine/store/embedded/query-plan.js';
import type { Filter, SortSpec } from '../../../engine/store/port.js';

/** A deals collection as the record indexes give it: access fields (arrays of grantees among them), the bin, a sorted field. */
const INDEXES: StoredIndex[] = [
  storedIndex(1, { name: 'sys_owner', keys: { _owner: 1 } }, false),
  storedIndex(2, { name: 'sys_readers', keys: { _readers: 1 }, sparse: true }, true),
  storedIndex(3, { name: 'sys_approvers', keys: { _approvers: 1 }, sparse: true }, true),
  storedIndex(4, { name: 'ix_amount', keys: { amount: 1 } }, false),
  storedIndex(5, { name: 'sys_deleted', keys: { _deleted: 1, _deletedAt: -1 }, sparse: true }, false),
];

/** The filter a rep's list sends: the client's range, the record-access `$or`, the recycle bin's condition. */
const ACCESS: Filter = {
  amount: { $gte: 1000 },
  $or: [{ _owner: 'u1' }, { _readers: { $in: ['u:u1', 'g:east'] } }, { _approvers: 'u1' }],
  _deleted: { $ne: true },
};

/** Plans with every index range sized as `sizes` says (by index number), the rest as `other`. */
function plan(filter: Filter, sort: SortSpec | undefined, limited: boolean, sizes: Record<number, number>, other = 0): Plan {
  return planQuery({
    filter,
    sort: withTieBreak(sort),
    limited,
    indexes: INDEXES,
    estimate: (index, ranges, cap) => Math.min(cap, ranges.length * (sizes[index.ix] ?? other)),
  });
}

describe('embedded store query planner', () => {
  it('takes the record-access $or as a union of index ranges when few records are the user\'s', () => {
    const chosen = plan(ACCESS, { title: 1 }, true, { 1: 40, 2: 10, 3: 0, 4: 90000 });
    expect(chosen.kind).to.equal('union');
    if (chosen.kind !== 'union') return;
    expect(chosen.parts.map((part) => part.index.spec.name)).to.deep.equal(['sys_owner', 'sys_readers', 'sys_approvers']);
    // One range per grantee key of the $in on the multikey `_readers`.
    expect(chosen.parts[1]!.ranges).to.have.length(2);
  });

  it('walks the sort field\'s index, stopping after the page, when the user may read most records', () => {
    const chosen = plan(ACCESS, { amount: -1 }, true, { 1: 5000, 2: 30000, 3: 0, 4: 90000 });
    expect(chosen).to.include({ kind: 'index', ordered: true, direction: -1 });
    if (chosen.kind === 'index') expect(chosen.index.spec.name).to.equal('ix_amount');
  });

  it('prefers the union to the walk of the sort index while the union is small', () => {
    const chosen = plan(ACCESS, { amount: -1 }, true, { 1: 300, 2: 20, 3: 1, 4: 90000 });
    expect(chosen.kind).to.equal('union');
  });

  it('counts through the smaller of a single index and the union', () => {
    expect(plan(ACCESS, undefined, false, { 1: 30, 2: 2, 3: 0, 4: 90000 }).kind).to.equal('union');
    expect(plan(ACCESS, undefined, false, { 1: 30000, 2: 2, 3: 0, 4: 50 }).kind).to.equal('index');
  });

  it('sizes two equally strong indexes and takes the smaller, whichever was declared first', () => {
    // A record's pending work items of one approver: `_owner` stands for the approver, who has thousands; `amount` for the record, which has two.
    const filter = { _owner: 'finance', amount: 9600, status: 'pending' };
    for (const [sizes, expected] of [
      [{ 1: 10_000, 4: 2 }, 'ix_amount'],
      [{ 1: 2, 4: 10_000 }, 'sys_owner'],
    ] as const) {
      for (const limited of [false, true]) {
        const chosen = plan(filter, undefined, limited, sizes);
        expect(chosen.kind).to.equal('index');
        if (chosen.kind === 'index') expect(chosen.index.spec.name, JSON.stringify({ sizes, limited })).to.equal(expected);
      }
    }
  });

  it('does not take a union when a branch no index narrows could match any record', () => {
    const filter = { $or: [{ _owner: 'u1' }, { region: 'emea' }], _deleted: { $ne: true } };
    expect(plan(filter, { amount: -1 }, true, { 1: 10 }).kind).to.equal('index');
    expect(plan(filter, { title: 1 }, true, { 1: 10 }).kind).to.equal('primary');
  });

  it('walks the owner part of the union in the sort order through the owner-and-sort-field index, however many records the user owns', () => {
    const withOwnerSort = [...INDEXES, storedIndex(6, { name: 'sys_owner_amount', keys: { _owner: 1, amount: 1 } }, false)];
    const chosen = planQuery({
      filter: { $or: ACCESS.$or as Filter[], _deleted: { $ne: true } },
      sort: withTieBreak({ amount: -1 }),
      limited: true,
      indexes: withOwnerSort,
      estimate: (index, ranges, cap) => Math.min(cap, ranges.length * ({ 1: 40000, 2: 10, 4: 900000, 6: 40000 }[index.ix] ?? 0)),
    });
    expect(chosen.kind).to.equal('union');
    if (chosen.kind !== 'union') return;
    expect(chosen.parts[0]).to.deep.include({ walk: { direction: -1, tie: 1 } });
    expect(chosen.parts[0]!.index.spec.name).to.equal('sys_owner_amount');
    // The multikey shares give no order: their few entries are sorted by key and merged.
    expect(chosen.parts[1]!.walk).to.equal(undefined);
  });

  it('lists the recycle bin through its pinned mark, newest first, without a sort', () => {
    const chosen = plan({ _deleted: true, _deletedBy: 'u1' }, { _deletedAt: -1, _id: 1 }, false, { 5: 12 });
    expect(chosen).to.include({ kind: 'index', ordered: true });
    if (chosen.kind === 'index') expect(chosen.index.spec.name).to.equal('sys_deleted');
  });
});
