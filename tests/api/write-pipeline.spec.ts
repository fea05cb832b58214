import { expect } from 'chai';
import { AUDIT_COLLECTION } from '../../engine/audit/audit-log.js';
import type { Tenant } from '../../engine/context/index.js';
import { ConflictError, ValidationError } from '../../engine/errors/index.js';
import { tenantWriteHooks, type SavedEvent, type WriteKind } from '../../engine/records/write-pipeline/index.js';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { captureConsoleErrors } from '../support/console-capture.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const records = (object: string, id = '') => `/api/v1/records/${object}${id ? `/${id}` : ''}`;

/**
 * The stages of the one record write path, as a pack subscribes to them: each stage on create,
 * update, delete and restore, in the tenant that installed the hook only, a hook that refuses,
 * and what a failing hook leaves (nothing, until the write is durable; the write, after).
 */
describe('the record write path: hooks on its stages', () => {
  let engine: TestEngine;
  let tenant: Tenant;
  let other: TestTenant;
  /** What the hooks saw, in order: "stage kind object". */
  let seen: string[];
  const hooks = () => tenantWriteHooks(tenant);
  const get = async (object: string, id: string) => engine.request('GET', records(object, id));
  const audited = async (id: string) => (await tenant.store.collection(AUDIT_COLLECTION).find({ record: id })).length;

  before(async () => {
    engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN });
    tenant = await engine.platform.tenant('default');
    other = await createTenant(engine, 'other');
    const invoice = {
      name: 'invoice',
      fields: [
        { name: 'code', type: 'text', maxLength: 8 },
        { name: 'net', type: 'number' },
        { name: 'tax_rate', type: 'number', scale: 2 },
        { name: 'gross', type: 'formula', expression: 'net * (1 + tax_rate)', resultType: 'number' },
        { name: 'status', type: 'picklist', values: ['draft', 'sent', 'paid'], default: 'draft' },
      ],
    };
    for (const headers of [{}, other.headers]) {
      const defined = await engine.request('POST', '/api/v1/meta/objects', invoice, headers);
      expect(defined.status, JSON.stringify(defined.body)).to.equal(201);
    }
    await defineObject(engine, { name: 'invoice_log', fields: [{ name: 'entry', type: 'text' }] });
  });
  beforeEach(() => {
    seen = [];
  });
  afterEach(() => {
    for (const key of ['test', 'refuse', 'log', 'late', 'tax']) hooks().off(key);
  });
  after(() => engine.stop());

  it('runs every stage in order on create, update, delete and restore, each with the record before and after', async () => {
    const note = (stage: string) => async (...args: unknown[]) => {
      const event = args.at(-1) as { kind: WriteKind; object: { name: string }; before: { _id: string } | null };
      seen.push(`${stage} ${event.kind} ${event.before ? 'with before' : 'new'}`);
    };
    hooks().on('beforeValidation', 'test', note('beforeValidation'));
    hooks().on('beforeSave', 'test', note('beforeSave'));
    hooks().on('afterSave', 'test', note('afterSave'));
    hooks().on('afterCommit', 'test', note('afterCommit'));

    const created = await createRecord(engine, 'invoice', { code: 'A1', net: 100, tax_rate: 0.2 });
    expect(seen).to.deep.equal(['beforeValidation create new', 'beforeSave create new', 'afterSave create new', 'afterCommit create new']);
    seen = [];
    expect((await engine.request('PATCH', records('invoice', created._id), { net: 200 })).status).to.equal(200);
    expect(seen).to.deep.equal(['beforeValidation update with before', 'beforeSave update with before', 'afterSave update with before', 'afterCommit update with before']);
    seen = [];
    expect((await engine.request('DELETE', records('invoice', created._id))).status).to.equal(204);
    expect(seen).to.deep.equal(['beforeSave delete with before', 'afterSave delete with before', 'afterCommit delete with before']);
    seen = [];
    expect((await engine.request('POST', `/api/v1/recycle-bin/invoice/${created._id}/restore`)).status).to.equal(200);
    expect(seen).to.deep.equal(['beforeSave restore with before', 'afterSave restore with before', 'afterCommit restore with before']);
  });

  it('validates what a before-validation hook leaves, and stores its normalised values', async () => {
    hooks().on('beforeValidation', 'test', async (_tx, { values }) => (typeof values.code === 'string' ? { ...values, code: values.code.trim().toUpperCase() } : undefined));
    const created = await createRecord(engine, 'invoice', { code: '  ab-12 ', net: 1 });
    expect(created.code).to.equal('AB-12');
    const updated = await engine.request('PATCH', records('invoice', created._id), { code: ' cd-34' });
    expect(updated.body.code).to.equal('CD-34');
    // Lengthened by the hook past the field's limit: refused by validation, which runs after it.
    hooks().on('beforeValidation', 'test', async (_tx, { values }) => ({ ...values, code: `${String(values.code)}-TOO-LONG` }));
    const refused = await engine.request('PATCH', records('invoice', created._id), { code: 'x' });
    expect(expectError(refused, 400).map((detail) => detail.path)).to.deep.equal(['/code']);
    expect((await get('invoice', created._id)).body.code).to.equal('CD-34');
  });

  it('stages a before-save hook\'s changes with the record\'s formulas, and shows it the record as it will be stored', async () => {
    hooks().on('beforeSave', 'tax', async (_tx, { kind, record, before }) => {
      seen.push(`${kind}: net ${String(record.net)}, before ${String(before?.net ?? '-')}`);
      return kind === 'create' && !record.tax_rate ? { changes: { tax_rate: 0.25 } } : undefined;
    }, { objects: ['invoice'] });
    const created = await createRecord(engine, 'invoice', { code: 'T1', net: 50 });
    expect(created).to.include({ tax_rate: 0.25, gross: 62.5 });
    await engine.request('PATCH', records('invoice', created._id), { net: 60 });
    expect(seen).to.deep.equal(['create: net 50, before -', 'update: net 60, before 50']);
    // Another object's writes do not reach a hook scoped to invoices.
    seen = [];
    await createRecord(engine, 'invoice_log', { entry: 'x' });
    expect(seen).to.deep.equal([]);
  });

  it('fails a write a before-save hook refuses, with the hook\'s message, and stores nothing of it', async () => {
    const paid = await createRecord(engine, 'invoice', { code: 'P1', net: 10, status: 'paid' });
    hooks().on('beforeSave', 'refuse', async (_tx, { before }) => {
      if (before?.status === 'paid') throw new ConflictError('invoice_paid', 'A paid invoice cannot be changed or deleted.', [{ path: '/status', message: 'is paid' }]);
    });
    const auditBefore = await audited(paid._id);
    const changed = await engine.request('PATCH', records('invoice', paid._id), { net: 11 });
    expect(expectError(changed, 409, 'invoice_paid')).to.deep.equal([{ path: '/status', message: 'is paid' }]);
    expect(changed.body.error.message).to.equal('A paid invoice cannot be changed or deleted.');
    expectError(await engine.request('DELETE', records('invoice', paid._id)), 409, 'invoice_paid');
    const still = (await get('invoice', paid._id)).body;
    expect(still).to.include({ net: 10, _version: 1 });
    expect(await audited(paid._id), 'no audit entry of a refused write').to.equal(auditBefore);
  });

  it('undoes the whole write when an after-save hook fails, and keeps what an after-save hook writes in the same unit', async () => {
    hooks().on('afterSave', 'log', async (tx, { kind, after }) => {
      if (after.code === 'BOOM') throw new ValidationError([{ path: '/code', message: 'is refused by the pack' }]);
      await tx.collection('records.invoice_log').insertOne({ _id: `log-${after._id}-${kind}`, _version: 1, entry: `${kind} ${String(after.code)}` });
    }, { objects: ['invoice'] });
    const logged = await createRecord(engine, 'invoice', { code: 'L1', net: 1 });
    expect(await tenant.store.collection('records.invoice_log').findOne({ _id: `log-${logged._id}-create` })).to.include({ entry: 'create L1' });

    const count = async () => (await engine.request('GET', `${records('invoice')}?total=true&limit=1`)).body.total as number;
    const before = await count();
    expectError(await engine.request('POST', records('invoice'), { code: 'BOOM', net: 1 }), 400);
    expect(await count(), 'the record of a failed after-save is not stored').to.equal(before);
  });

  it('runs after-commit hooks once the write is durable, and keeps the write when one fails', async () => {
    const errors = captureConsoleErrors();
    try {
      let readBack: unknown = 'not run';
      hooks().on('afterCommit', 'late', async ({ after }: SavedEvent) => {
        // Outside the unit of work: only a committed write is visible here.
        readBack = await tenant.store.collection('records.invoice').findOne({ _id: after._id });
        throw new Error('the mail server is down');
      });
      const created = await createRecord(engine, 'invoice', { code: 'C1', net: 3 });
      expect(readBack).to.include({ _id: created._id, code: 'C1' });
      expect((await get('invoice', created._id)).status).to.equal(200);
      expect(errors.lines.join('\n')).to.contain('the mail server is down').and.to.contain(created._id);
    } finally {
      errors.restore();
    }
  });

  it('runs a tenant\'s hooks only on that tenant\'s writes, and a hook subscribed twice under one key once', async () => {
    const count = async () => {
      seen.push('hook');
    };
    hooks().on('afterSave', 'test', count);
    hooks().on('afterSave', 'test', count);
    await createRecord(engine, 'invoice', { code: 'K1', net: 1 });
    expect(seen).to.deep.equal(['hook']);
    seen = [];
    const theirs = await engine.request('POST', records('invoice'), { code: 'K2', net: 1 }, other.headers);
    expect(theirs.status, JSON.stringify(theirs.body)).to.equal(201);
    expect(seen, 'not installed in the other tenant').to.deep.equal([]);
  });
});
