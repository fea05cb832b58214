import { expect } from 'chai';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { crm } from './support/run-crm.js';

const OPERATOR_TOKEN = 'operator-token-for-the-keys-cli-tests-0123';

describe('npx crm keys', function () {
  this.timeout(60_000);
  let engine: TestEngine;
  let online: string[];
  before(async () => {
    engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN });
    online = ['--url', engine.url, '--operator-token', OPERATOR_TOKEN, '--tenant', 'default'];
    expect((await engine.request('POST', '/api/v1/meta/objects', { name: 'vault', fields: [{ name: 'secret', type: 'text', encrypted: true }] })).status).to.equal(201);
    expect((await engine.request('POST', '/api/v1/records/vault', { secret: 'kept through the rotation' })).status).to.equal(201);
  });
  after(() => engine.stop());

  it('shows the active key, rotates it waiting for the re-encryption, and the values still read', async () => {
    const before = await crm(['keys', 'status', ...online]);
    expect(before.code, before.err).to.equal(0);
    expect(before.out).to.contain('Active data key: k1; keys held: k1');
    const rotated = await crm(['keys', 'rotate', '--wait', ...online]);
    expect(rotated.code, rotated.err).to.equal(0);
    expect(rotated.out).to.contain('Started the rotation to k2: running, 0%').and.to.match(/rotation to k2: done, 100%/);
    expect((await crm(['keys', 'status', ...online])).out).to.contain('Active data key: k2; keys held: k2');
    expect((await engine.request('GET', '/api/v1/records/vault')).body.records[0].secret).to.equal('kept through the rotation');
  });

  it('refuses without the operator token, and names an unknown tenant', async () => {
    const misused = await crm(['keys', 'rotate', '--url', engine.url]);
    expect(misused.code).to.equal(2);
    expect(misused.err).to.contain('operator token');
    const unknown = await crm(['keys', 'status', '--url', engine.url, '--operator-token', OPERATOR_TOKEN, '--tenant', 'nobody']);
    expect(unknown.code).to.equal(1);
    expect(unknown.err).to.contain('404');
  });
});
