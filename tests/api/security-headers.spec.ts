import { expect } from 'chai';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

describe('security headers', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  const paths = ['/api/v1/meta/objects', '/api/v1/records/nope', '/api/docs', '/health'];
  for (const path of paths) {
    it(`sets them on ${path}, whatever the status`, async () => {
      const response = await engine.request('GET', path);
      expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(response.headers.get('x-frame-options')).to.equal('SAMEORIGIN');
      expect(response.headers.get('content-security-policy')).to.match(/script-src 'self'/);
      expect(response.headers.get('x-powered-by')).to.equal(null);
    });
  }

  it('answers a malformed body with a structured error that carries no stack', async () => {
    const response = await engine.request('POST', '/api/v1/records/nope', '{"a":', { 'content-type': 'application/json' });
    expect(response.status).to.equal(400);
    expect(JSON.stringify(response.body)).to.not.match(/at .*\.ts:\d+/);
  });
});
