import { expect } from 'chai';
import { masterFilter, setMasterIdsCap } from '../../engine/security/access/master-filter.js';
import type { Filter } from '../../engine/store/port.js';
import { describeEachAdapter } from './adapters.js';

const CAP = 10;
const MASTERS = 100;
const READABLE: Filter = { _owner: 'me', _deleted: { $ne: true } };

/** The master ids a detail filter names, whichever way it names them. */
function namedIds(filter: Filter): string[] {
  const condition = filter.master as { $in?: (string | null)[]; $nin?: (string | null)[] };
  return (condition.$in ?? condition.$nin ?? []).filter((id): id is string => id !== null);
}

/**
 * The filter that narrows details to the masters a user reaches names at most the cap's ids when
 * either side is under it, at most half the masters otherwise, and selects exactly the details of
 * the reached masters (run against the store, with details of every master, of none and of a
 * master in the recycle bin).
 */
describeEachAdapter('master filter: details of reached masters, with a bounded list of ids', (ctx) => {
  before(() => setMasterIdsCap(CAP));
  after(() => setMasterIdsCap());

  const cases: [string, number, number, 'in' | 'nin', number][] = [
    ['few reached', 4, 0, 'in', 4],
    ['few not reached', 97, 0, 'nin', 3],
    ['a few in the bin among the unreached', 93, 2, 'nin', 7],
    ['both sides large, more reached', 70, 0, 'nin', 30],
    ['both sides large, fewer reached', 35, 0, 'in', 35],
  ];
  for (const [name, mine, binned, kind, size] of cases) {
    it(`${name}: ${mine} of ${MASTERS} masters reached → ${kind} of ${size} ids`, async () => {
      const masters = ctx.store.collection('masters');
      const details = ctx.store.collection('details');
      await masters.insertMany(
        Array.from({ length: MASTERS }, (_, i) => ({
          _id: `m${String(i).padStart(3, '0')}`,
          _owner: i < mine + binned ? 'me' : 'other',
          ...(i >= mine && i < mine + binned ? { _deleted: true } : {}),
        })),
      );
      await details.insertMany(Array.from({ length: MASTERS }, (_, i) => ({ _id: `d${i}`, master: `m${String(i).padStart(3, '0')}` })));
      await details.insertOne({ _id: 'orphan', master: null });

      const filter = await masterFilter(masters, 'master', READABLE);

      expect(Object.keys(filter.master as object)).to.deep.equal([`$${kind}`]);
      const ids = namedIds(filter);
      expect(ids).to.have.length(size);
      expect(ids.length).to.be.at.most(Math.min(mine, MASTERS - mine));
      if (Math.min(mine, MASTERS - mine) <= CAP) expect(ids.length).to.be.at.most(CAP);
      const selected = (await details.find(filter, { sort: { _id: 1 } })).map((detail) => detail._id);
      const expected = Array.from({ length: mine }, (_, i) => `d${i}`).sort();
      expect(selected).to.deep.equal(expected);
    });
  }
});
