import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { enqueueJob, registerJobHandler } from '../../engine/jobs/index.js';
import { browser, signIn } from '../support/auth-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';
import { TEST_ADMIN } from '../support/test-engine.js';

const SKIPPED = '(skipped: set MONGODB_URI to a replica set to run two engine instances on one MongoDB; the embedded store is one process, tests/crash/data-directory-lock.spec.ts shows a second one refused)';

/** Each job id with the number of times a scheduler ran it, over both instances. */
const runs = new Map<string, number>();

describe('two engine instances on one MongoDB (docs/deployment.md, Several instances)', function () {
  this.timeout(120_000);
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    it(SKIPPED, function () {
      this.skip();
    });
    return;
  }
  // A prefix of its own: the run meets no other run's databases on a shared cluster, and drops only its own.
  const prefix = `crm_mi${randomBytes(3).toString('hex')}_`;
  let first: ConfiguredEngine;
  let second: ConfiguredEngine;

  before(async () => {
    registerJobHandler('test.multi_instance', async (_tenant, job) => {
      // Long enough that the other instance's pass runs meanwhile and meets the claimed job.
      await new Promise((resolve) => setTimeout(resolve, 5));
      runs.set(job._id, (runs.get(job._id) ?? 0) + 1);
    });
    first = await startConfiguredEngine({ mongodbUri: uri, mongodbDatabasePrefix: prefix });
    second = await startConfiguredEngine({ mongodbUri: uri, mongodbDatabasePrefix: prefix });
  });
  after(async () => {
    await second?.stop(true);
    await first?.stop(true);
    const client = new MongoClient(uri);
    try {
      const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
      for (const { name } of databases) if (name.startsWith(prefix)) await client.db(name).dropDatabase();
    } finally {
      await client.close();
    }
  });

  it('makes a metadata change through one instance live on the other within two seconds', async () => {
    const defined = await first.request('POST', '/api/v1/meta/objects', { name: 'mi_ticket', fields: [{ name: 'title', type: 'text', required: true }] });
    expect(defined.status, JSON.stringify(defined.body)).to.equal(201);
    const started = Date.now();
    let created = await second.request('POST', '/api/v1/records/mi_ticket', { title: 'through the other instance' });
    while (created.status === 404 && Date.now() - started < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      created = await second.request('POST', '/api/v1/records/mi_ticket', { title: 'through the other instance' });
    }
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    // The engines poll the metadata version every second (start-engine.ts).
    expect(Date.now() - started).to.be.below(2_000);
  });

  it('refuses a metadata change planned on an instance that is behind, instead of writing over the other one', async () => {
    const base = await first.request('GET', '/api/v1/meta/objects/mi_ticket');
    const etag = base.headers.get('etag')!;
    const definition = base.body.definition as Record<string, unknown>;
    const changed = await first.request('PUT', '/api/v1/meta/objects/mi_ticket', { ...definition, label: { en: 'Ticket' } }, { 'if-match': etag });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    // The same old version sent to the other instance, whether or not it has polled since: refused, not written over.
    const stale = await second.request('PUT', '/api/v1/meta/objects/mi_ticket', { ...definition, label: { en: 'Issue' } }, { 'if-match': etag });
    expect(stale.status, JSON.stringify(stale.body)).to.equal(412);
    const now = await second.request('GET', '/api/v1/meta/objects/mi_ticket');
    expect(now.body.definition.label).to.deep.equal({ en: 'Ticket' });
  });

  it('answers a browser session signed in on one instance on the other', async () => {
    const session = await signIn(first, TEST_ADMIN.email, TEST_ADMIN.password);
    const created = await second.request('POST', '/api/v1/records/mi_ticket', { title: 'from a browser session' }, { authorization: '', ...browser(session, session.csrfToken) });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const read = await first.request('GET', `/api/v1/records/mi_ticket/${created.body._id}`, undefined, { authorization: '', ...browser(session) });
    expect(read.status).to.equal(200);
  });

  it('runs every due job once, whichever instance claims it', async () => {
    const ids = await first.tenant.store.unitOfWork(async (tx) => {
      const made: string[] = [];
      for (let index = 0; index < 40; index++) made.push(await enqueueJob(tx, { kind: 'test.multi_instance', dueAt: new Date(), payload: { index } }));
      return made;
    });
    let ran = 1;
    while (ran > 0) ran = (await Promise.all([first.jobs.runDue(), second.jobs.runDue()])).reduce((sum, count) => sum + count, 0);
    expect(ids.map((id) => runs.get(id) ?? 0)).to.deep.equal(ids.map(() => 1));
  });
});
