import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { enqueueJob, JOBS_COLLECTION, type JobDoc } from '../../engine/jobs/index.js';
import { packJobKind } from '../../engine/packs/index.js';
import { createRecord, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const ROOT = join(import.meta.dirname, '..', '..');
const engineModule = (path: string) => pathToFileURL(join(ROOT, 'engine', path)).href;

/**
 * The pack's code as its index.mjs holds it (a JavaScript entry is read anew when it changes, as an
 * upgrade copied into the packs folder needs); `withMigration` adds 1.1.0's data migration.
 */
function packCode(withMigration: boolean): string {
  return `
import { ValidationError } from '${engineModule('errors/index.ts')}';
import { msg } from '${engineModule('i18n/message.ts')}';
import { listRecords } from '${engineModule('records/index.ts')}';
import { newId } from '${engineModule('store/new-id.ts')}';

export default {
  hooks: [
    {
      stage: 'beforeSave',
      name: 'region-to-close',
      objects: ['fo_visit'],
      async run(_tx, { record }) {
        if (record.status === 'done' && !record.region) throw new ValidationError([{ path: '/region', message: 'is needed to close a visit' }]);
      },
    },
    {
      stage: 'beforeSave',
      name: 'short-subject',
      objects: ['fo_visit'],
      async run(_tx, { record }) {
        if (record.subject && record.subject.length > 20) throw new ValidationError([{ path: '/subject', message: msg\`must be at most \${20} characters for the technicians' phones\` }]);
      },
    },
  ],
  routes: [
    {
      method: 'get',
      path: '/visits/open',
      async handle(ctx) {
        const page = await listRecords(ctx, 'fo_visit', { filter: { status: { ne: 'done' } }, total: true });
        return { open: page.total, by: ctx.principal.userId };
      },
    },
  ],
  jobs: {
    tally: {
      everyMinutes: 60,
      async run(ctx) {
        const visits = await ctx.tenant.store.collection('records.fo_visit').count({});
        await ctx.tenant.store.collection('pack.field-ops.tallies').insertOne({ _id: newId(), visits });
      },
    },
  },
  migrations: [${withMigration ? `{ id: '1.1.0-contacted-to-working', async run(tx) { await tx.collection('records.fo_visit').updateMany({ status: 'contacted' }, { $set: { status: 'working' } }); } }` : ''}],
};
`;
}

function writeFieldOps(packsDir: string, version: '1.0.0' | '1.1.0'): void {
  const dir = join(packsDir, 'field-ops');
  mkdirSync(join(dir, 'metadata', 'objects'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: 'field-ops', version, label: { en: 'Field operations' } }));
  const statuses = version === '1.0.0' ? ['planned', 'contacted', 'done'] : ['planned', 'working', 'done'];
  const visit = { name: 'fo_visit', label: { en: 'Visit' }, fields: [{ name: 'subject', type: 'text' }, { name: 'status', type: 'picklist', values: statuses, default: 'planned' }, { name: 'region', type: 'text' }] };
  writeFileSync(join(dir, 'metadata', 'objects', 'fo_visit.json'), JSON.stringify(visit));
  writeFileSync(join(dir, 'index.mjs'), packCode(version === '1.1.0'));
  mkdirSync(join(dir, 'translations'), { recursive: true });
  writeFileSync(join(dir, 'translations', 'zh-CN.json'), JSON.stringify({ "message:must be at most {0} characters for the technicians' phones": '不能超过 {0} 个字符，以便技术员在手机上查看' }));
}

/** A pack's code: hooks, a route, a recurring job and a data migration, each only in the tenant that installed the pack. */
describe('packs with code: hooks, routes, jobs and migrations where the pack is installed', () => {
  let engine: TestEngine;
  let packsDir: string;
  let acme: TestTenant;
  const jobsOf = async (tenantName: string) =>
    (await (await engine.platform.tenant(tenantName)).store.collection<JobDoc>(JOBS_COLLECTION).find({ kind: packJobKind('field-ops', 'tally'), status: 'due' }));

  before(async () => {
    packsDir = mkdtempSync(join(tmpdir(), 'crm-pack-code-'));
    engine = await startTestEngine({ packsDir, operatorToken: OPERATOR_TOKEN });
    acme = await createTenant(engine, 'acme-code');
    writeFieldOps(packsDir, '1.0.0');
    const installed = await engine.request('POST', '/api/v1/packs/install', { name: 'field-ops' });
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    // The other tenant has the same object, without the pack.
    const visit = { name: 'fo_visit', fields: [{ name: 'subject', type: 'text' }, { name: 'status', type: 'picklist', values: ['planned', 'contacted', 'done'] }, { name: 'region', type: 'text' }] };
    expect((await engine.request('POST', '/api/v1/meta/objects', visit, acme.headers)).status).to.equal(201);
  });
  after(async () => {
    await engine.stop();
    rmSync(packsDir, { recursive: true, force: true });
  });

  it('runs the pack\'s hook on the tenant\'s writes, refusing with its message, and not in a tenant without the pack', async () => {
    const refused = await engine.request('POST', '/api/v1/records/fo_visit', { subject: 'Pump', status: 'done' });
    expect(expectError(refused, 400)).to.deep.equal([{ path: '/region', message: 'is needed to close a visit' }]);
    expect((await engine.request('GET', '/api/v1/records/fo_visit?total=true')).body.total, 'nothing stored').to.equal(0);
    await createRecord(engine, 'fo_visit', { subject: 'Pump', status: 'done', region: 'North' });
    const elsewhere = await engine.request('POST', '/api/v1/records/fo_visit', { subject: 'Pump', status: 'done' }, acme.headers);
    expect(elsewhere.status).to.equal(201);
  });

  it('says the messages of the pack\'s code in the language of the request, from the pack\'s translations', async () => {
    const long = { subject: 'Replace the circulation pump', status: 'planned' };
    const english = await engine.request('POST', '/api/v1/records/fo_visit', long);
    expect(expectError(english, 400)).to.deep.equal([{ path: '/subject', message: "must be at most 20 characters for the technicians' phones" }]);
    const chinese = await engine.request('POST', '/api/v1/records/fo_visit', long, { 'accept-language': 'zh-CN' });
    expect(expectError(chinese, 400)).to.deep.equal([{ path: '/subject', message: '不能超过 20 个字符，以便技术员在手机上查看' }]);
  });

  it('refuses a translation of a message that drops one of its values, naming the file and the key', async () => {
    const file = join(packsDir, 'field-ops', 'translations', 'zh-CN.json');
    const good = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, JSON.stringify({ "message:must be at most {0} characters for the technicians' phones": '太长了' }));
      const planned = await engine.request('POST', '/api/v1/packs/plan', { name: 'field-ops' });
      expect(expectError(planned, 400)).to.deep.equal([
        { path: "/translations/zh-CN.json/message:must be at most {0} characters for the technicians' phones", message: 'must name the values its English template names ({0}), got none' },
      ]);
    } finally {
      writeFileSync(file, good);
    }
  });

  it('answers the pack\'s route with the permissions of the user who asks, and 404 where the pack is not installed', async () => {
    await createRecord(engine, 'fo_visit', { subject: 'Boiler', status: 'contacted' });
    const answer = await engine.request('GET', '/api/v1/packs/field-ops/visits/open');
    expect(answer.status, JSON.stringify(answer.body)).to.deep.equal(200);
    expect(answer.body).to.deep.equal({ open: 1, by: engine.adminId });
    expect((await engine.request('GET', '/api/v1/packs/field-ops/visits/open', undefined, acme.headers)).status).to.equal(404);
    expect((await engine.request('GET', '/api/v1/packs/field-ops/no-such-route')).status).to.equal(404);
    // A user who may not read visits gets the records API's refusal, not the records.
    await createUser(engine, { full_name: 'Guest', email: 'guest@example.com', permission_sets: ['standard_user'] }, 'a long enough password 1');
    const guest = await tokenFor(engine, 'guest@example.com', 'a long enough password 1');
    expectError(await engine.request('GET', '/api/v1/packs/field-ops/visits/open', undefined, bearer(guest)), 403);
  });

  it('schedules the pack\'s recurring job in the tenant that installed it, runs it there and schedules its next run', async () => {
    const [due] = await jobsOf('default');
    expect(due, 'scheduled at the install').to.not.equal(undefined);
    expect(await jobsOf('acme-code')).to.deep.equal([]);
    const tenant = await engine.platform.tenant('default');
    await tenant.store.collection<JobDoc>(JOBS_COLLECTION).updateOne({ _id: due!._id }, { $set: { dueAt: new Date(Date.now() - 1000).toISOString() } });
    await engine.jobs.runDue();
    const tallies = await tenant.store.collection('pack.field-ops.tallies').find({});
    expect(tallies.map((tally) => tally.visits)).to.deep.equal([2]);
    const next = await jobsOf('default');
    expect(next).to.have.length(1);
    expect(next[0]!._id).to.not.equal(due!._id);
    expect(Date.parse(next[0]!.dueAt)).to.be.greaterThan(Date.now() + 50 * 60_000);
  });

  it('runs nothing of the pack\'s job in a tenant without the pack, even when a job of its kind is due there', async () => {
    const elsewhere = await engine.platform.tenant('acme-code');
    await elsewhere.store.unitOfWork((tx) => enqueueJob(tx, { kind: packJobKind('field-ops', 'tally'), dueAt: new Date(Date.now() - 1000), payload: {} }));
    expect(await jobsOf('acme-code')).to.have.length(1);
    await engine.jobs.runDue();
    expect(await elsewhere.store.collection('pack.field-ops.tallies').count({}), 'no tally in the tenant without the pack').to.equal(0);
    expect(await jobsOf('acme-code'), 'the job was taken, and no next run scheduled there').to.deep.equal([]);
  });

  it('runs an upgrade\'s data migration once, before the new metadata: a picklist value renamed in the stored records', async () => {
    const before = await createRecord(engine, 'fo_visit', { subject: 'Chiller', status: 'contacted' });
    writeFieldOps(packsDir, '1.1.0');
    const upgraded = await engine.request('POST', '/api/v1/packs/install', { name: 'field-ops' });
    expect(upgraded.status, JSON.stringify(upgraded.body)).to.equal(200);
    expect((await engine.request('GET', `/api/v1/records/fo_visit/${before._id}`)).body.status).to.equal('working');
    const tenant = await engine.platform.tenant('default');
    expect(await tenant.store.collection('records.fo_visit').count({ status: 'contacted' }), 'every record migrated').to.equal(0);
    const installed = await tenant.store.collection('meta.packs').findOne({ _id: 'field-ops' });
    expect(installed?.migrations).to.deep.equal(['1.1.0-contacted-to-working']);
  });

  it('takes the pack\'s code out of the tenant when it is uninstalled: no hook, no route, no job', async () => {
    const removed = await engine.request('DELETE', '/api/v1/packs/field-ops?force=true');
    expect(removed.status, JSON.stringify(removed.body)).to.equal(200);
    expect((await engine.request('GET', '/api/v1/packs/field-ops/visits/open')).status).to.equal(404);
    expect(await jobsOf('default')).to.deep.equal([]);
    const visit = { name: 'fo_visit', fields: [{ name: 'status', type: 'picklist', values: ['done'] }, { name: 'region', type: 'text' }] };
    expect((await engine.request('POST', '/api/v1/meta/objects', visit)).status).to.equal(201);
    expect((await engine.request('POST', '/api/v1/records/fo_visit', { status: 'done' })).status, 'the hook is gone').to.equal(201);
  });

  it('refuses a pack whose code cannot be loaded with 400 naming its file, and installs nothing', async () => {
    const dir = join(packsDir, 'broken-import');
    mkdirSync(join(dir, 'metadata', 'objects'), { recursive: true });
    writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: 'broken-import', version: '1.0.0', label: { en: 'Broken import' } }));
    writeFileSync(join(dir, 'metadata', 'objects', 'bi_thing.json'), JSON.stringify({ name: 'bi_thing', fields: [{ name: 'name', type: 'text' }] }));
    // As a pack copied away from the engine it imports by a relative path.
    writeFileSync(join(dir, 'index.mjs'), "import { definePack } from '../../no-engine-here/packs/index.js';\nexport default definePack({});\n");
    const refused = await engine.request('POST', '/api/v1/packs/install', { name: 'broken-import' });
    const details = expectError(refused, 400);
    expect(details.map((detail) => detail.path)).to.deep.equal(['/index.mjs']);
    expect(details[0]!.message).to.contain('no-engine-here');
    expect((await engine.request('GET', '/api/v1/meta/objects/bi_thing')).status).to.equal(404);
  });
});
