import { expect } from 'chai';
import { JOBS_COLLECTION, type JobDoc } from '../../engine/jobs/job.js';
import { PLAIN_TEXT_BACKFILL } from '../../engine/records/plain-text-backfill.js';
import type { Doc } from '../../engine/store/port.js';
import { newId } from '../../engine/store/new-id.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

const CLONES = 1200;
const needle = (n: number) => `needle${String(n).padStart(4, '0')}`;

/**
 * Rich text saved before its plain text (`_text`) was kept beside it: after a restart a background
 * job fills it in, a bounded batch at a time, going on from where it stopped across restarts, and
 * the records are found by search and `contains` again.
 */
describe('rich text saved before its plain text was kept: the backfill', function () {
  let engine: ConfiguredEngine;
  const collection = () => engine.tenant.store.collection<Doc>(engine.tenant.metadata.snapshot.object('memo')!.collection);
  const withText = async () => (await collection().find({ _text: { $exists: true } }, { projection: { _id: 1 } })).length;
  const dueBackfills = () => engine.tenant.store.collection<JobDoc>(JOBS_COLLECTION).find({ kind: PLAIN_TEXT_BACKFILL, status: 'due' });
  const search = async (q: string) => {
    const response = await engine.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return (response.body.results as { object: string; id: string }[]).filter((result) => result.object === 'memo').map((result) => result.id);
  };
  // With batchSize 1 a pass of the scheduler runs one job: one batch of the backfill.
  const restart = async () => {
    await engine.stop();
    engine = await startConfiguredEngine({ jobs: { batchSize: 1 } }, engine.dataDir);
  };

  before(async () => {
    engine = await startConfiguredEngine({ jobs: { batchSize: 1 } });
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

  it('fills the plain text in after a restart, one bounded batch per job, going on from where it stopped after another restart', async () => {
    await restart();
    const [first, ...others] = await dueBackfills();
    expect(others, 'one job per object').to.deep.equal([]);
    expect(first!.payload).to.deep.equal({ object: 'memo' });

    expect(await engine.jobs.runDue()).to.equal(1);
    const afterOne = await withText();
    expect(afterOne, 'one batch did some, not all').to.be.above(1).and.below(CLONES + 1);
    const [next, ...more] = await dueBackfills();
    expect(more).to.deep.equal([]);
    expect(next!.payload.after, 'the next batch starts after the last record done').to.be.a('string');

    // A restart neither starts over nor doubles the work: the job enqueued before it goes on.
    await restart();
    expect((await dueBackfills()).map((job) => [job._id, job.payload])).to.deep.equal([[next!._id, next!.payload]]);
    let passes = 0;
    while ((await dueBackfills()).length > 0) {
      expect(await engine.jobs.runDue()).to.equal(1);
      passes += 1;
      expect(passes, 'the backfill ends').to.be.below(CLONES);
    }
    expect(await withText()).to.equal(CLONES + 1);
    expect((await collection().findOne({ name: 'Old memo 1199' }))!._text).to.deep.equal({ body: `Minutes of ${needle(1199)}` });
  });

  it('finds the old records by search and contains again, and starts no backfill at the next start', async () => {
    for (const n of [0, 613, CLONES - 1]) {
      const [record] = await collection().find({ name: `Old memo ${n}` }, { projection: { _id: 1 } });
      expect(await search(needle(n))).to.deep.equal([record!._id]);
    }
    const filtered = await engine.request('GET', `/api/v1/records/memo?filter=${encodeURIComponent(JSON.stringify({ body: { contains: needle(42) } }))}`);
    expect(filtered.body.records.map((record: { name: string }) => record.name)).to.deep.equal(['Old memo 42']);
    await restart();
    expect(await dueBackfills()).to.deep.equal([]);
  });
});
