import { expect } from 'chai';
import { configFromEnv } from '../../engine/config.js';

describe('configFromEnv: backfills', () => {
  it('leaves the backfill settings at their defaults when nothing is set', () => {
    expect(configFromEnv({}).backfills).to.deep.equal({});
  });

  it('reads BACKFILL_INLINE_LIMIT, BACKFILL_BATCH_RECORDS and BACKFILL_BATCH_MS', () => {
    const { backfills } = configFromEnv({ BACKFILL_INLINE_LIMIT: '0', BACKFILL_BATCH_RECORDS: '100', BACKFILL_BATCH_MS: '10' });
    expect(backfills).to.deep.equal({ inlineLimit: 0, batchRecords: 100, batchMs: 10 });
  });

  for (const [name, value] of [['BACKFILL_INLINE_LIMIT', '-1'], ['BACKFILL_BATCH_RECORDS', '0'], ['BACKFILL_BATCH_MS', '2.5'], ['BACKFILL_BATCH_MS', 'fast']] as const) {
    it(`refuses a ${name} of '${value}'`, () => {
      expect(() => configFromEnv({ [name]: value })).to.throw(new RegExp(`${name} must be a whole number`));
    });
  }
});
