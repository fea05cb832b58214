import { Validator } from '@seriousme/openapi-schema-validator';
import { expect } from 'chai';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

describe('OpenAPI: authentication', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  it('declares the API token and the session cookie, required everywhere but on sign-in, and stays valid', async () => {
    const response = await engine.request('GET', '/api/v1/openapi.json');
    const document = response.body;
    expect(Object.keys(document.components.securitySchemes)).to.have.members(['apiToken', 'session']);
    expect(document.security).to.deep.equal([{ apiToken: [] }, { session: [] }]);
    expect(document.paths['/api/v1/auth/login'].post.security).to.deep.equal([]);
    expect(Object.keys(document.paths)).to.include.members(['/api/v1/auth/tokens', '/api/v1/auth/tokens/{id}', '/api/v1/auth/me']);
    const result = await new Validator().validate(document);
    expect(result.valid, JSON.stringify(result.errors)).to.equal(true);
  });

  it('is itself behind authentication', async () => {
    expect((await engine.request('GET', '/api/v1/openapi.json', undefined, { authorization: '' })).status).to.equal(401);
  });
});
