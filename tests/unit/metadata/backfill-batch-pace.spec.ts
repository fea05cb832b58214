import { expect } from 'chai';
import { nextBatchRecords } from '../../../engine/metadata/backfills/batch-pace.js';

describe('the pace of a backfill run', () => {
  it('shrinks the next batch in proportion when the last one held the event loop past the budget', () => {
    expect(nextBatchRecords(200, 40, 10, 200)).to.equal(50);
    expect(nextBatchRecords(50, 11, 10, 200)).to.equal(45);
  });

  it('takes at least one record, however slow one is', () => {
    expect(nextBatchRecords(1, 500, 10, 200)).to.equal(1);
    expect(nextBatchRecords(3, 500, 10, 200)).to.equal(1);
  });

  it('grows back by half while well under the budget, never past the most records a batch may take', () => {
    expect(nextBatchRecords(50, 2, 10, 200)).to.equal(75);
    expect(nextBatchRecords(180, 2, 10, 200)).to.equal(200);
  });

  it('keeps the size between half the budget and the budget', () => {
    expect(nextBatchRecords(80, 7, 10, 200)).to.equal(80);
    expect(nextBatchRecords(300, 7, 10, 200)).to.equal(200);
  });
});
