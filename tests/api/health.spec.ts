import { expect } from 'chai';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

describe('GET /health', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  it('names the store and says that units of work are transactions on the embedded store, without credentials', async () => {
    const health = await engine.request('GET', '/health', undefined, { authorization: '' });
    expect(health.status).to.equal(200);
    expect(health.body).to.deep.equal({ status: 'ok', store: 'embedded', transactional: true });
  });
});
