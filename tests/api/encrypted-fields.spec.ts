import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectError } from '../support/api-helpers.js';
import { finishPhase, uploadFile } from '../support/import-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';
import type { TestResponse } from '../support/test-engine.js';

const OPERATOR_TOKEN = 'operator-token-for-the-encryption-tests-01';
const PASSWORD = 'a password for the clerk of clinics';

/** Markers of encrypted values: none may be found in the store's files. Plain ones must (the search works). */
const SSN = 'SSN-MARKER-7731';
const EMAIL = 'alice.marker@example.com';
const NOTE_BEFORE = 'NOTE-MARKER-first';
const NOTE_AFTER = 'NOTE-MARKER-second';
const PHONE = '+86 21 5550 7731';
const CITY = 'CITY-MARKER-Lyon';

/** Every file under a folder (the tenant's SQLite file, its WAL and shared memory, blobs), read as raw bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

function holders(dir: string, text: string): string[] {
  return filesUnder(dir)
    .filter(({ bytes }) => bytes.includes(Buffer.from(text, 'utf8')))
    .map(({ path }) => path);
}

describe('encrypted fields', () => {
  let engine: ConfiguredEngine;
  let root: string;
  let clerk: string;
  let patient: string;
  const as = (token: string) => (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
    engine.request(method, path, body, { ...bearer(token), ...headers });

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-encryption-'));
    engine = await startConfiguredEngine({ http: { operatorToken: OPERATOR_TOKEN }, backups: { dir: join(root, 'backups') } }, join(root, 'data'));
    const object = await engine.request('POST', '/api/v1/meta/objects', {
      name: 'patient',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'ssn', type: 'text', encrypted: true },
        { name: 'email', type: 'email', encrypted: true, deterministic: true },
        { name: 'notes', type: 'longtext', encrypted: true, trackHistory: true },
        { name: 'phone', type: 'phone', encrypted: true },
        { name: 'city', type: 'text', trackHistory: true },
      ],
    });
    expect(object.status, JSON.stringify(object.body)).to.equal(201);
    const set = await engine.request('POST', '/api/v1/meta/permission-sets', {
      name: 'patient_clerk',
      objects: { patient: { create: true, read: true, edit: true } },
      fields: { patient: { ssn: { read: false } } },
    });
    expect(set.status, JSON.stringify(set.body)).to.equal(201);
    await createUser(engine, { full_name: 'Clara Clerk', email: 'clara@example.com', permission_sets: ['standard_user', 'patient_clerk'] }, PASSWORD);
    clerk = await tokenFor(engine, 'clara@example.com', PASSWORD);
    const created = await engine.request('POST', '/api/v1/records/patient', { name: 'Alice', ssn: SSN, email: EMAIL, notes: NOTE_BEFORE, phone: PHONE, city: CITY });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    patient = created.body._id;
    const updated = await engine.request('PATCH', `/api/v1/records/patient/${patient}`, { notes: NOTE_AFTER, city: `${CITY}-2` });
    expect(updated.status, JSON.stringify(updated.body)).to.equal(200);
    expect((await engine.request('POST', '/api/v1/records/patient', { name: 'Bob', email: 'bob@example.com', ssn: 'SSN-OF-BOB' })).status).to.equal(201);
  });
  after(async () => {
    await engine.stop(true);
    rmSync(root, { recursive: true, force: true });
  });

  it('gives the values back in clear to whoever may read them, in a GET, a list, the history and the audit log', async () => {
    const read = await engine.request('GET', `/api/v1/records/patient/${patient}`);
    expect(read.body).to.include({ ssn: SSN, email: EMAIL, notes: NOTE_AFTER, phone: PHONE });
    const list = await engine.request('GET', '/api/v1/records/patient?sort=name');
    expect(list.body.records[0]).to.include({ name: 'Alice', ssn: SSN });
    const history = await engine.request('GET', `/api/v1/records/patient/${patient}/history`);
    expect(history.status, JSON.stringify(history.body)).to.equal(200);
    expect(JSON.stringify(history.body)).to.contain(NOTE_BEFORE).and.to.contain(NOTE_AFTER);
    const audit = await engine.request('GET', `/api/v1/audit?object=patient&record=${patient}`);
    expect(audit.status, JSON.stringify(audit.body)).to.equal(200);
    expect(JSON.stringify(audit.body)).to.contain(NOTE_AFTER);
  });

  it('never writes them in clear in the data directory: the SQLite file, its WAL, nothing else', () => {
    const data = join(root, 'data');
    expect(holders(data, CITY), 'a plain value is found, so the search would find the others').to.not.deep.equal([]);
    expect(filesUnder(data).map(({ path }) => path)).to.include(join(data, 'default', 'store.sqlite-wal'));
    for (const value of [SSN, EMAIL, NOTE_BEFORE, NOTE_AFTER, PHONE]) expect(holders(data, value), value).to.deep.equal([]);
  });

  it('never writes them in clear in a backup', async () => {
    const made = await engine.request('POST', '/api/operator/backups', { tenants: ['default'] }, { authorization: `Bearer ${OPERATOR_TOKEN}` });
    expect(made.status, JSON.stringify(made.body)).to.equal(201);
    const backup = join(root, 'backups', made.body.name);
    expect(holders(backup, CITY)).to.not.deep.equal([]);
    for (const value of [SSN, EMAIL, NOTE_BEFORE, NOTE_AFTER, PHONE]) expect(holders(backup, value), value).to.deep.equal([]);
  });

  it('never gives a value to a user without read on its field: GET, list, export, report', async () => {
    const clerkCalls = as(clerk);
    const read = await clerkCalls('GET', `/api/v1/records/patient/${patient}`);
    expect(read.status).to.equal(200);
    expect(read.body).to.include({ name: 'Alice', email: EMAIL }).and.not.have.property('ssn');
    const list = await clerkCalls('GET', '/api/v1/records/patient?sort=name');
    expect(JSON.stringify(list.body)).to.not.contain(SSN);
    expect(list.body.records[0]).to.include({ name: 'Alice' }).and.not.have.property('ssn');
    const exported = await fetch(`${engine.url}/api/v1/records/patient/export`, { headers: bearer(clerk) });
    expect(exported.status).to.equal(200);
    const csv = await exported.text();
    expect(csv).to.contain('Alice').and.to.contain(EMAIL).and.not.contain(SSN).and.not.contain('ssn');
    const report = await engine.request('POST', '/api/v1/meta/reports', { name: 'patients', object: 'patient', type: 'tabular', columns: ['name', 'ssn', 'email'] });
    expect(report.status, JSON.stringify(report.body)).to.equal(201);
    const admin = await engine.request('POST', '/api/v1/reports/patients/run', {});
    expect(JSON.stringify(admin.body)).to.contain(SSN);
    const run = await clerkCalls('POST', '/api/v1/reports/patients/run', {});
    expect(JSON.stringify(run.body)).to.not.contain(SSN);
    const grouped = await engine.request('POST', '/api/v1/meta/reports', { name: 'by_ssn', object: 'patient', type: 'summary', groupings: [{ field: 'ssn' }] });
    expect(expectError(grouped, 400)[0]).to.deep.include({ path: '/groupings/0/field' });
    const field = await clerkCalls('GET', `/api/v1/records/patient?fields=name,ssn`);
    expectError(field, 400, 'validation_failed');
  });

  it('filters a deterministic field by equality (eq, ne, in, nin) and refuses anything else with 400, naming the field, in English and Chinese', async () => {
    const names = async (filter: unknown) => {
      const response = await engine.request('GET', `/api/v1/records/patient?sort=name&filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      return response.body.records.map((record: { name: string }) => record.name);
    };
    expect(await names({ email: EMAIL })).to.deep.equal(['Alice']);
    expect(await names({ email: { eq: 'ALICE.marker@example.com' } }), 'the e-mail is normalised before it is sealed').to.deep.equal(['Alice']);
    expect(await names({ email: { ne: EMAIL } })).to.deep.equal(['Bob']);
    expect(await names({ email: { in: [EMAIL, 'bob@example.com'] } })).to.deep.equal(['Alice', 'Bob']);
    expect(await names({ email: { nin: [EMAIL] } })).to.deep.equal(['Bob']);
    expect(await names({ phone: { isNull: true } })).to.deep.equal(['Bob']);
    const refusals: [unknown, string][] = [
      [{ ssn: SSN }, '/filter/ssn'],
      [{ email: { startsWith: 'alice' } }, '/filter/email/startsWith'],
      [{ notes: { contains: 'MARKER' } }, '/filter/notes/contains'],
    ];
    for (const [filter, path] of refusals) {
      const refused = await engine.request('GET', `/api/v1/records/patient?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      const [detail] = expectError(refused, 400, 'validation_failed');
      expect(detail!.path).to.equal(path);
      expect(detail!.message).to.contain('encrypted');
    }
    const chinese = await engine.request('GET', `/api/v1/records/patient?filter=${encodeURIComponent(JSON.stringify({ ssn: SSN }))}`, undefined, { 'accept-language': 'zh-CN' });
    expect(expectError(chinese, 400)[0]!.message).to.contain('加密');
    const sorted = await engine.request('GET', '/api/v1/records/patient?sort=ssn');
    expect(expectError(sorted, 400)[0]).to.deep.include({ path: '/sort' });
    expect(expectError(sorted, 400)[0]!.message).to.contain('encrypted');
  });

  it('encrypts the existing values in the background when the flag is turned on, with progress, reads in clear meanwhile, and decrypts them when it is turned off', async () => {
    const data = join(root, 'data');
    expect((await engine.request('POST', '/api/v1/meta/objects/patient/fields', { name: 'legacy', type: 'text' })).status).to.equal(201);
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      const created = await engine.request('POST', '/api/v1/records/patient', { name: `Legacy ${n}`, legacy: `LEGACY-MARKER-${n}` });
      expect(created.status).to.equal(201);
      ids.push(created.body._id);
    }
    expect(holders(data, 'LEGACY-MARKER-3')).to.not.deep.equal([]);

    const on = await engine.request('PATCH', '/api/v1/meta/objects/patient/fields/legacy', { encrypted: true });
    expect(on.status, JSON.stringify(on.body)).to.equal(200);
    const [running] = (await engine.request('GET', '/api/v1/meta/backfills?object=patient&status=running')).body.backfills;
    expect(running).to.deep.include({ object: 'patient', status: 'running', reseal: ['legacy'], percent: 0, done: 0 });
    expect(running.total).to.be.at.least(7);
    expect((await engine.request('GET', `/api/v1/records/patient/${ids[3]}`)).body.legacy, 'read in clear before the backfill reached it').to.equal('LEGACY-MARKER-3');
    await engine.jobs.runDue();
    const done = (await engine.request('GET', `/api/v1/meta/backfills/${running._id}`)).body;
    expect(done).to.deep.include({ status: 'done', percent: 100 });
    expect(done.done).to.equal(running.total);
    expect((await engine.request('GET', `/api/v1/records/patient/${ids[3]}`)).body).to.include({ legacy: 'LEGACY-MARKER-3', _version: 1 });
    for (let n = 0; n < 5; n++) expect(holders(data, `LEGACY-MARKER-${n}`), `LEGACY-MARKER-${n}`).to.deep.equal([]);

    const off = await engine.request('PATCH', '/api/v1/meta/objects/patient/fields/legacy', { encrypted: false });
    expect(off.status, JSON.stringify(off.body)).to.equal(200);
    await engine.jobs.runDue();
    expect((await engine.request('GET', `/api/v1/records/patient/${ids[3]}`)).body.legacy).to.equal('LEGACY-MARKER-3');
    const contains = await engine.request('GET', `/api/v1/records/patient?filter=${encodeURIComponent(JSON.stringify({ legacy: { contains: 'MARKER-3' } }))}`);
    expect(contains.body.records.map((record: { _id: string }) => record._id), 'stored in clear again: searchable').to.deep.equal([ids[3]]);
  });

  it('refuses unique, external id and a random-mode index on an encrypted field, and deterministic without encrypted', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'u1', type: 'text', encrypted: true, unique: true }, '/unique'],
      [{ name: 'u2', type: 'text', encrypted: true, externalId: true }, '/externalId'],
      [{ name: 'u3', type: 'phone', encrypted: true, indexed: true }, '/indexed'],
      [{ name: 'u4', type: 'email', deterministic: true }, '/deterministic'],
    ];
    for (const [field, path] of cases) {
      const refused = await engine.request('POST', '/api/v1/meta/objects/patient/fields', field);
      const details = expectError(refused, 400);
      expect(details.map((detail) => detail.path).join(), JSON.stringify(details)).to.contain(path);
    }
    const number = await engine.request('POST', '/api/v1/meta/objects/patient/fields', { name: 'u5', type: 'number', encrypted: true });
    expectError(number, 400);
  });

  it('keeps the tokens of webhook URLs in the metadata sealed at rest, masked in every read, and the outbox\'s copies sealed too', async () => {
    const token = 'WEBHOOK-TOKEN-MARKER-42';
    const url = `http://127.0.0.1:9/hooks/patients?token=${token}`;
    const rule = await engine.request('POST', '/api/v1/meta/automation-rules', {
      name: 'tell_the_clinic',
      object: 'patient',
      condition: "name = 'Webhooked'",
      actions: [{ webhook: { url, body: '{"patient": "{{_id}}", "ssn": "{{ssn}}"}' } }],
    });
    expect(rule.status, JSON.stringify(rule.body)).to.equal(201);
    expect(JSON.stringify(rule.body)).to.not.contain(token);
    const read = await engine.request('GET', '/api/v1/meta/automation-rules/tell_the_clinic');
    expect(read.body.definition.actions[0].webhook.url).to.equal('http://127.0.0.1:9/hooks/patients?token=••••');
    const history = await engine.request('GET', '/api/v1/meta/history?kind=automationRule');
    expect(history.status).to.equal(200);
    expect(JSON.stringify(history.body)).to.not.contain(token);
    // Sent back masked, the stored URL stays (the existing write-only behaviour).
    const changed = await engine.request('PUT', '/api/v1/meta/automation-rules/tell_the_clinic', { ...read.body.definition, condition: "name = 'Webhooked' or name = 'Hooked'" });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    const created = await engine.request('POST', '/api/v1/records/patient', { name: 'Webhooked', ssn: 'SSN-IN-A-WEBHOOK-BODY' });
    expect(created.status).to.equal(201);
    const calls = (await engine.request('GET', '/api/v1/outbox/webhook')).body.calls as { url: string; body: string }[];
    const call = calls.find((candidate) => candidate.body.includes(created.body._id));
    expect(call, 'the call is queued with the stored URL and the body in clear for the reader').to.not.equal(undefined);
    expect(call!.url).to.not.contain(token);
    expect(JSON.parse(call!.body)).to.deep.equal({ patient: created.body._id, ssn: 'SSN-IN-A-WEBHOOK-BODY' });
    const data = join(root, 'data');
    expect(holders(data, token)).to.deep.equal([]);
    expect(holders(data, 'SSN-IN-A-WEBHOOK-BODY')).to.deep.equal([]);
    expect(holders(data, 'hooks/patients')).to.deep.equal([]);

    // The webhook kind's own URL too: in its definition, its history and reads.
    const kindToken = 'WEBHOOK-KIND-TOKEN-77';
    const hook = await engine.request('POST', '/api/v1/meta/webhooks', {
      name: 'tell_the_registry',
      url: `http://127.0.0.1:9/hooks/registry?key=${kindToken}`,
      events: [{ on: 'record.created', object: 'patient' }],
    });
    expect(hook.status, JSON.stringify(hook.body)).to.equal(201);
    expect(JSON.stringify((await engine.request('GET', '/api/v1/meta/webhooks/tell_the_registry')).body)).to.not.contain(kindToken);
    expect(holders(data, kindToken)).to.deep.equal([]);
    expect(holders(data, 'hooks/registry')).to.deep.equal([]);
  });

  it('keeps the rows of an import file sealed while they wait, and imports values into an encrypted field', async () => {
    const uploaded = await uploadFile(engine, 'patient', 'patients.csv', 'Name,SSN\nImported,IMPORT-SSN-MARKER\n');
    expect(uploaded.status, JSON.stringify(uploaded.body)).to.equal(201);
    expect(holders(join(root, 'data'), 'IMPORT-SSN-MARKER'), 'the waiting rows').to.deep.equal([]);
    const ended = await finishPhase(engine, uploaded.body.id, 'run', { mapping: [{ column: 'Name', field: 'name' }, { column: 'SSN', field: 'ssn' }], mode: 'insert' });
    expect(ended.status, JSON.stringify(ended)).to.equal('done');
    const found = await engine.request('GET', `/api/v1/records/patient?filter=${encodeURIComponent(JSON.stringify({ name: 'Imported' }))}`);
    expect(found.body.records.map((record: { ssn: string }) => record.ssn)).to.deep.equal(['IMPORT-SSN-MARKER']);
    expect(holders(join(root, 'data'), 'IMPORT-SSN-MARKER'), 'the rows and the record').to.deep.equal([]);
  });

  it('rotates the data key without loss while clients read and write: every value reads as last written throughout, and the former key is gone at the end', async () => {
    const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    const data = join(root, 'data');
    expect((await engine.request('GET', '/api/operator/tenants/default/keys', undefined, operator)).body).to.deep.include({ activeKey: 'k1', keys: ['k1'] });
    const expected = new Map<string, { ssn: string; email: string }>();
    for (let n = 0; n < 40; n++) {
      const values = { ssn: `ROT-${n}`, email: `rot${n}@example.com` };
      const created = await engine.request('POST', '/api/v1/records/patient', { name: `Rot ${n}`, ...values });
      expected.set(created.body._id, values);
    }
    const started = await engine.request('POST', '/api/operator/tenants/default/keys/rotate', undefined, operator);
    expect(started.status, JSON.stringify(started.body)).to.equal(202);
    expect(started.body).to.deep.include({ to: 'k2', from: ['k1'], status: 'running', percent: 0 });
    expectError(await engine.request('POST', '/api/operator/tenants/default/keys/rotate', undefined, operator), 409, 'rotation_in_progress');

    let rotating = true;
    const ids = [...expected.keys()];
    const problems: string[] = [];
    const writer = async () => {
      for (let round = 0; rotating || round < 3; round++) {
        const id = ids[round % ids.length]!;
        const values = { ssn: `ROT-${round}-written`, email: `rewritten${round}@example.com` };
        const answer = await engine.request('PATCH', `/api/v1/records/patient/${id}`, values);
        if (answer.status !== 200) problems.push(`write ${answer.status}`);
        else expected.set(id, values);
      }
    };
    const reader = async () => {
      for (let round = 0; rotating || round < 3; round++) {
        const id = ids[(round * 7) % ids.length]!;
        const want = expected.get(id)!;
        const read = await engine.request('GET', `/api/v1/records/patient/${id}`);
        if (read.status !== 200) problems.push(`read ${read.status} ${JSON.stringify(read.body)}`);
        const found = await engine.request('GET', `/api/v1/records/patient?filter=${encodeURIComponent(JSON.stringify({ email: want.email }))}`);
        if (found.status !== 200) problems.push(`filter ${found.status}`);
      }
    };
    const load = Promise.all([writer(), reader()]);
    await engine.jobs.runDue();
    rotating = false;
    await load;
    expect(problems).to.deep.equal([]);

    const keys = (await engine.request('GET', '/api/operator/tenants/default/keys', undefined, operator)).body;
    expect(keys).to.deep.include({ activeKey: 'k2', keys: ['k2'] });
    expect(keys.rotations[0]).to.deep.include({ status: 'done', percent: 100, to: 'k2' });
    expect(keys.rotations[0].resealed).to.be.greaterThan(40);
    for (const [id, values] of expected) {
      const read = await engine.request('GET', `/api/v1/records/patient/${id}`);
      expect(read.body, id).to.include(values);
      const found = await engine.request('GET', `/api/v1/records/patient?filter=${encodeURIComponent(JSON.stringify({ email: values.email }))}`);
      expect(found.body.records.map((record: { _id: string }) => record._id)).to.deep.equal([id]);
    }
    expect((await engine.request('GET', `/api/v1/records/patient/${patient}/history`)).body.entries.length).to.be.greaterThan(0);
    expect(JSON.stringify((await engine.request('GET', `/api/v1/records/patient/${patient}/history`)).body)).to.contain(NOTE_BEFORE);
    expect(holders(data, 'enc:v1:k2:')).to.not.deep.equal([]);
    expect(holders(data, 'enc:v1:k1:')).to.deep.equal([]);
    expect(holders(data, 'enc:d1:k1:')).to.deep.equal([]);
  });
});
