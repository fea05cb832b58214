import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoopbackClient } from './loopback-client.js';
import { killAllServers, startServer } from './server-process.js';

/** The embedded store serves one process: a second server on its data directory refuses to start, and a kill -9 leaves nothing that blocks a restart. */
describe('one process per embedded data directory', function () {
  this.timeout(180_000);
  this.slow(20_000);
  let dataDir: string;
  let client: LoopbackClient;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-lock-'));
    client = new LoopbackClient();
  });
  afterEach(async () => {
    client.close();
    await killAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second server on the same data directory with a clear message, while the first one goes on serving', async () => {
    const first = await startServer({ dataDir });
    await client.signIn(first.url);
    const refusal = await startServer({ dataDir }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(refusal).to.match(/exited before it was ready \(code 1/);
    expect(refusal).to.contain(`The data directory ${dataDir} is in use by another process of the platform (pid ${first.pid} on`);
    expect(refusal).to.contain('The embedded store serves one process');
    expect(refusal).to.not.match(/\n\s+at /);
    // The first server never noticed: it reads and writes as before.
    const defined = await client.call(first.url, 'POST', '/api/v1/meta/objects', { name: 'ticket', fields: [{ name: 'title', type: 'text' }] });
    expect(defined.status, JSON.stringify(defined.body)).to.equal(201);
    expect((await client.call(first.url, 'POST', '/api/v1/records/ticket', { title: 'still here' })).status).to.equal(201);
    expect((await first.stop()).code).to.equal(0);
  });

  it('starts on a data directory whose server was killed with SIGKILL: the lock went with the process', async () => {
    const first = await startServer({ dataDir });
    await client.signIn(first.url);
    expect((await client.call(first.url, 'POST', '/api/v1/meta/objects', { name: 'ticket', fields: [{ name: 'title', type: 'text' }] })).status).to.equal(201);
    expect((await client.call(first.url, 'POST', '/api/v1/records/ticket', { title: 'before the kill' })).status).to.equal(201);
    expect((await first.kill()).signal).to.equal('SIGKILL');
    const second = await startServer({ dataDir });
    const { records } = await client.listAll<{ title: string }>(second.url, 'ticket');
    expect(records.map((record) => record.title)).to.deep.equal(['before the kill']);
    expect((await second.stop()).code).to.equal(0);
  });
});
