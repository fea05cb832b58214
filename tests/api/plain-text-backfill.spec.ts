import { expect } from 'chai';
import type { Doc } from '../../engine/store/port.js';
import { newId } from '../../engine/store/new-id.js';
import { enqueueJob, JOBS_COLLECTION, type JobDoc } from '../../engine/jobs/index.js';
import { expectError } from '../support/api-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

const CLONES = 1200;
/** One pass of the scheduler runs one job, and one job one batch of 100 records (runMs 0 hands over after each). */
const SETTINGS = { jobs: { batchSize: 1 }, backfills: { batchRecords: 100, batchMs: 60_000, runMs: 0 } };
const needle = (n: number) => `needle${String(n).padStart(4, '0')}`;

/**
 * Rich text saved before its plain text (`_text`) was kept beside it: after a restart a backfill
 * like those of metadata changes fills it in, a bounded batch at a time, with its progress in
 * GET /api/v1/meta/backfills, going on from where it stopped across restarts, and the records are
 * found by search and `contains` again.
 */
describe('rich text saved before its plain text was kept: the backfill', function () {
  let engine: ConfiguredEngine;
  const collection = () => engine.tenant.store.collection<Doc>(engine.tenant.metadata.snapshot.object('memo')!.collection);
  const withText = async () => (await collection().find({ _text: { $exists: true } }, { projection: { _id: 1 } })).length;
  const backfills = async (status?: string) => {
    const response = await engine.request('GET', `/api/v1/meta/backfills?object=memo${status ? `&status=${status}` : ''}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.backfills as Record<string, any>[];
  };
  const contains = (text: string) => engine.request('GET', `/api/v1/records/memo?filter=${encodeURIComponent(JSON.stringify({ body: { contains: text } }))}`);
  const search = async (q: string) => {
    const response = await engine.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return (response.body.results as { object: string; id: string }[]).filter((result) => result.object === 'memo').map((result) => result.id);
  };
  const restart = async () => {
    await engine.stop();
    engine = await startConfiguredEngine(SETTINGS, engine.dataDir);
  };

  before(async () => {
    engine = await startConfiguredEngine(SETTINGS);
    const object = await engine.request('POST', '/api/v1/meta/objects', {
      name: 'memo',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'body', type: 'richtext' },
      ],
    });
    expect(object.status, JSON.stringify(object.body)).to.equal(201);
    // One memo written through the API, as a template; then the records of an older engine,
    // written straight into the store without their plain text.
    const template = await engine.request('POST', '/api/v1/records/memo', { name: 'Template', body: '<p>template</p>' });
    expect(template.status, JSON.stringify(template.body)).to.equal(201);
    const stored = (await collection().findOne({ _id: template.body._id as string }))!;
    const { _text: _kept, ...plain } = stored;
    expect(_kept, 'a write keeps the plain text').to.deep.equal({ body: 'template' });
    await collection().insertMany(Array.from({ length: CLONES }, (_, n) => ({ ...plain, _id: newId(), name: `Old memo ${n}`, body: `<p>Minutes of <strong>${needle(n)}</strong></p>` })));
  });
  after(() => engine.stop(true));

  it('is not searchable before the backfill', async () => {
    expect(await withText()).to.equal(1);
    expect(await search(needle(7))).to.deep.equal([]);
  });

  it('fills the plain text in after a restart as a backfill with progress, one bounded batch per job, going on from where it stopped after another restart', async () => {
    await restart();
    const [started, ...others] = await backfills('running');
    expect(others, 'one backfill per object').to.deep.equal([]);
    // Only the plain text waits: the formulas' stored values are right.
    expect(started).to.include({ object: 'memo', done: 0, total: CLONES + 1, percent: 0, cursor: null, derived: true });
    expect(started!.fields).to.deep.equal(['_text.body']);
    // Meanwhile a filter on the text answers 409 with the progress rather than leaving the old records out.
    expect(expectError(await contains(needle(42)), 409, 'backfill_in_progress').map((detail) => detail.path)).to.deep.equal(['/_text.body']);

    expect(await engine.jobs.runDue()).to.equal(1);
    const afterOne = await withText();
    expect(afterOne, 'one batch did some, not all').to.be.above(1).and.below(CLONES + 1);
    const [partway] = await backfills('running');
    expect(partway).to.include({ _id: started!._id, done: 100, percent: 8 });

    // A restart neither starts over nor doubles the work: the backfill goes on from its cursor.
    await restart();
    const [resumed, ...more] = await backfills();
    expect(more, 'no second backfill').to.deep.equal([]);
    expect(resumed).to.include({ _id: started!._id, done: 100, cursor: partway!.cursor, status: 'running' });
    let passes = 0;
    while ((await backfills('running')).length > 0) {
      expect(await engine.jobs.runDue()).to.equal(1);
      passes += 1;
      expect(passes, 'the backfill ends').to.be.below(CLONES);
    }
    expect(passes, 'batches of 100 after the first').to.equal(Math.ceil((CLONES + 1 - 100) / 100));
    expect((await backfills())[0]).to.include({ _id: started!._id, status: 'done', percent: 100, done: CLONES + 1 });
    expect(await withText()).to.equal(CLONES + 1);
    expect((await collection().findOne({ name: 'Old memo 1199' }))!._text).to.deep.equal({ body: `Minutes of ${needle(1199)}` });
  });

  it('finds the old records by search and contains again, and starts no backfill at the next start', async () => {
    for (const n of [0, 613, CLONES - 1]) {
      const [record] = await collection().find({ name: `Old memo ${n}` }, { projection: { _id: 1 } });
      expect(await search(needle(n))).to.deep.equal([record!._id]);
    }
    const filtered = await contains(needle(42));
    expect(filtered.body.records.map((record: { name: string }) => record.name)).to.deep.equal(['Old memo 42']);
    await restart();
    expect((await backfills()).map((backfill) => backfill.status)).to.deep.equal(['done']);
  });

  it('retires a job of the former separate plain-text backfill left in the store: it ends without work', async () => {
    const id = await enqueueJob(engine.tenant.store, { kind: 'records.plain_text_backfill', dueAt: new Date(), payload: { object: 'memo' } });
    expect(await engine.jobs.runDue()).to.equal(1);
    const job = await engine.tenant.store.collection<JobDoc>(JOBS_COLLECTION).findOne({ _id: id });
    expect(job!.status).to.equal('done');
    expect((await backfills()).map((backfill) => backfill.status)).to.deep.equal(['done']);
  });
});
