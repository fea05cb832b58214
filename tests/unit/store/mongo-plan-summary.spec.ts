import { expect } from 'chai';
import { physicalName } from '../../../engine/store/mongodb/index-plan.js';
import { mongoPlanSummary } from '../../../engine/store/mongodb/mongo-plan-summary.js';

/** MongoDB's winning plans (explain 'queryPlanner') as the port summarises them; no server runs here, so the shapes are MongoDB's documented ones. */
describe('MongoDB plan summary', () => {
  const amount = physicalName({ name: 'ix_amount', keys: { amount: 1 } });
  const owner = physicalName({ name: 'sys_owner_amount', keys: { _owner: 1, amount: 1 } });
  const readers = physicalName({ name: 'sys_readers', keys: { _readers: 1 } });

  it('an index walked in the sort order, named as the platform declared it', () => {
    const plan = { stage: 'LIMIT', inputStage: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: amount, direction: 'backward' } } };
    expect(mongoPlanSummary(plan)).to.deep.equal({ access: 'index', indexes: ['ix_amount'], sortedByIndex: true, building: [] });
  });

  it('a collection scan sorted in memory', () => {
    const plan = { stage: 'SORT', sortPattern: { quantity: -1 }, inputStage: { stage: 'COLLSCAN' } };
    expect(mongoPlanSummary(plan)).to.deep.equal({ access: 'scan', indexes: [], sortedByIndex: false, building: [] });
  });

  it('an $or of index scans merged in order, under the slot-based engine\'s queryPlan', () => {
    const plan = {
      queryPlan: {
        stage: 'LIMIT',
        inputStage: { stage: 'FETCH', inputStage: { stage: 'SORT_MERGE', inputStages: [{ stage: 'IXSCAN', indexName: owner }, { stage: 'IXSCAN', indexName: readers }] } },
      },
      slotBasedPlan: {},
    };
    expect(mongoPlanSummary(plan)).to.deep.equal({ access: 'union', indexes: ['sys_owner_amount', 'sys_readers'], sortedByIndex: true, building: [] });
  });

  it('an $or whose candidates are sorted after they are read', () => {
    const plan = { stage: 'SORT', inputStage: { stage: 'FETCH', inputStage: { stage: 'OR', inputStages: [{ stage: 'IXSCAN', indexName: owner }, { stage: 'IXSCAN', indexName: readers }] } } };
    expect(mongoPlanSummary(plan)).to.include({ access: 'union', sortedByIndex: false });
  });

  it('a look-up by _id', () => {
    expect(mongoPlanSummary({ stage: 'IDHACK' })).to.include({ access: 'ids' });
    expect(mongoPlanSummary({ stage: 'EXPRESS_IXSCAN', indexName: '_id_' })).to.include({ access: 'ids' });
  });
});
