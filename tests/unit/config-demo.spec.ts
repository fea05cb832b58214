import { expect } from 'chai';
import { configFromEnv } from '../../engine/config.js';

describe('configFromEnv: DEMO', () => {
  it('turns the demo tenant on unless DEMO is 0', () => {
    expect(configFromEnv({}).demo).to.equal(true);
    expect(configFromEnv({ DEMO: '' }).demo).to.equal(true);
    expect(configFromEnv({ DEMO: '1' }).demo).to.equal(true);
    expect(configFromEnv({ DEMO: ' 0 ' }).demo).to.equal(false);
  });

  for (const value of ['no', 'false', 'off', '2']) {
    it(`refuses DEMO=${value} rather than guessing`, () => {
      expect(() => configFromEnv({ DEMO: value })).to.throw(`DEMO must be '1' (install the packs with demo data into a new tenant) or '0' (start empty), got '${value}'`);
    });
  }
});
