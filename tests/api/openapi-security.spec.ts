import { Validator } from '@seriousme/openapi-schema-validator';
import { expect } from 'chai';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

describe('OpenAPI: authentication', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  it('declares the API token and the session cookie, required everywhere but on sign-in and the public pages, the operator token on the operator routes only, and stays valid', async () => {
    const response = await engine.request('GET', '/api/v1/openapi.json');
    const document = response.body;
    expect(Object.keys(document.components.securitySchemes)).to.have.members(['apiToken', 'session', 'operatorToken', 'metricsToken']);
    expect(document.paths['/metrics'].get.security).to.deep.equal([{ metricsToken: [] }, { operatorToken: [] }]);
    expect(document.paths['/ready'].get.security).to.deep.equal([]);
    expect(document.security).to.deep.equal([{ apiToken: [] }, { session: [] }]);
    expect(document.paths['/api/v1/auth/login'].post.security).to.deep.equal([]);
    for (const path of ['/health', '/api/docs']) expect(document.paths[path].get.security, path).to.deep.equal([]);
    const operatorOnly = Object.entries(document.paths as Record<string, Record<string, { security?: unknown }>>)
      .flatMap(([path, item]) => Object.values(item).filter((operation) => JSON.stringify(operation.security) === '[{"operatorToken":[]}]').map(() => path));
    expect([...new Set(operatorOnly)]).to.have.members(['/api/operator/tenants', '/api/operator/tenants/{tenant}/keys', '/api/operator/tenants/{tenant}/keys/rotate', '/api/operator/backups', '/api/operator/backups/{name}/restore']);
    expect(Object.keys(document.paths)).to.include.members(['/api/v1/auth/tokens', '/api/v1/auth/tokens/{id}', '/api/v1/auth/me']);
    const result = await new Validator().validate(document);
    expect(result.valid, JSON.stringify(result.errors)).to.equal(true);
  });

  it('is itself behind authentication', async () => {
    expect((await engine.request('GET', '/api/v1/openapi.json', undefined, { authorization: '' })).status).to.equal(401);
  });
});
