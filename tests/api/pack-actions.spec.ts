import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRecord, expectError, listRecords } from '../support/api-helpers.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const ROOT = join(import.meta.dirname, '..', '..');
const engineModule = (path: string) => pathToFileURL(join(ROOT, 'engine', path)).href;

/**
 * The pack's code: `applyDiscount` (a discount, refused above a credit limit after writing to the
 * unit of work) and `tagPriority` (refused for a blocked title); 1.1.0 drops applyDiscount.
 */
function pricingCode(version: '1.0.0' | '1.1.0'): string {
  const applyDiscount = `
    applyDiscount: {
      label: { en: 'Apply a discount', 'zh-CN': '应用折扣' },
      params: { type: 'object', required: ['percent'], additionalProperties: false, properties: { percent: { type: 'number', minimum: 0, maximum: 50 } } },
      async run(ctx, { tx, record, params, source, step }) {
        await tx.collection('pack.pricing.log').insertOne({ _id: newId(), record: record._id, source, step });
        if (record.amount > 100000) throw new ValidationError([{ path: '/amount', message: 'is above the credit limit of 100000' }]);
        return {
          set: { discount: params.percent, approved_by: ctx.principal.userId },
          create: [{ object: 'pa_note', values: { text: 'Discount of ' + params.percent + '% on ' + record.title } }],
        };
      },
    },`;
  return `
import { ValidationError } from '${engineModule('errors/index.ts')}';
import { newId } from '${engineModule('store/new-id.ts')}';

export default {
  actions: {${version === '1.0.0' ? applyDiscount : ''}
    tagPriority: {
      label: { en: 'Tag the priority', 'zh-CN': '标记优先级' },
      params: { type: 'object', required: ['level'], properties: { level: { enum: ['normal', 'high'] } } },
      async run(ctx, { record, params }) {
        if (String(record.title).includes('blocked')) throw new ValidationError([{ path: '/title', message: 'names a blocked customer' }]);
        return { set: { priority: params.level, tagged_by: ctx.principal.userId } };
      },
    },
  },
};
`;
}

const ORDER = {
  name: 'pa_order',
  label: { en: 'Order' },
  fields: [
    { name: 'title', type: 'text' },
    { name: 'amount', type: 'number' },
    { name: 'discount', type: 'number', trackHistory: true },
    { name: 'net', type: 'formula', expression: 'amount * (1 - ($exists(discount) ? discount : 0) / 100)', resultType: 'number' },
    { name: 'status', type: 'picklist', values: ['draft', 'approved'], default: 'draft' },
    { name: 'priority', type: 'picklist', values: ['normal', 'high'] },
    { name: 'approved_by', type: 'text' },
    { name: 'tagged_by', type: 'text' },
  ],
};
const NOTE = { name: 'pa_note', label: { en: 'Note' }, fields: [{ name: 'text', type: 'text' }] };
/** Ships with the pack, on the tenant's own object: a rule using the pack's own action, checked at the install against the code installed with it. */
const BIG_ORDER_RULE = { name: 'pa_big_order', object: 'pa_order', on: 'create', condition: 'amount >= 5000', actions: [{ packAction: { pack: 'pricing', action: 'tagPriority', params: { level: 'high' } } }] };

function writePricing(packsDir: string, version: '1.0.0' | '1.1.0'): void {
  const dir = join(packsDir, 'pricing');
  for (const folder of ['objects', 'automation-rules']) mkdirSync(join(dir, 'metadata', folder), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: 'pricing', version, label: { en: 'Pricing' } }));
  writeFileSync(join(dir, 'metadata', 'objects', 'pa_note.json'), JSON.stringify(NOTE));
  writeFileSync(join(dir, 'metadata', 'automation-rules', 'pa_big_order.json'), JSON.stringify(BIG_ORDER_RULE));
  writeFileSync(join(dir, 'index.mjs'), pricingCode(version));
}

/** The tenant's own process: on approval, set the status, then the pack's discount. */
function discountProcess(adminId: string, discount: Record<string, unknown> = { pack: 'pricing', action: 'applyDiscount', params: { percent: 10 } }) {
  return {
    name: 'pa_discount_approval',
    object: 'pa_order',
    label: { en: 'Discount approval' },
    steps: [{ name: 'manager', approvers: [{ user: adminId }] }],
    onApprove: [{ setField: 'status', value: 'approved' }, { packAction: discount }],
  };
}

describe('an action added by a pack, used in an approval process and an automation rule', () => {
  let engine: TestEngine;
  let packsDir: string;
  let acme: TestTenant;
  const approval = (id: string) => `/api/v1/records/pa_order/${id}/approval`;
  const submitted = async (values: Record<string, unknown>) => {
    const order = await createRecord(engine, 'pa_order', values);
    const submit = await engine.request('POST', `${approval(order._id)}/submit`, {});
    expect(submit.status, JSON.stringify(submit.body)).to.equal(200);
    return { id: order._id as string, version: (await engine.request('GET', `/api/v1/records/pa_order/${order._id}`)).body._version as number };
  };

  before(async () => {
    packsDir = mkdtempSync(join(tmpdir(), 'crm-pack-actions-'));
    engine = await startTestEngine({ packsDir, operatorToken: OPERATOR_TOKEN });
    acme = await createTenant(engine, 'acme-actions');
    expect((await engine.request('POST', '/api/v1/meta/objects', ORDER)).status).to.equal(201);
    writePricing(packsDir, '1.0.0');
    const installed = await engine.request('POST', '/api/v1/packs/install', { name: 'pricing' });
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
  });
  after(async () => {
    await engine.stop();
    rmSync(packsDir, { recursive: true, force: true });
  });

  it('lists the actions the tenant\'s packs add, with their labels and params schemas, and none where the pack is not installed', async () => {
    const listed = await engine.request('GET', '/api/v1/packs/actions');
    expect(listed.status, JSON.stringify(listed.body)).to.equal(200);
    expect(listed.body.actions.map((action: { pack: string; name: string }) => `${action.pack}/${action.name}`)).to.deep.equal(['pricing/applyDiscount', 'pricing/tagPriority']);
    expect(listed.body.actions[0]).to.deep.include({ label: { en: 'Apply a discount', 'zh-CN': '应用折扣' } });
    expect(listed.body.actions[0].params.properties.percent).to.deep.equal({ type: 'number', minimum: 0, maximum: 50 });
    expect((await engine.request('GET', '/api/v1/packs/actions', undefined, acme.headers)).body).to.deep.equal({ actions: [] });
  });

  it('refuses a process naming an action the pack does not have, or params its schema refuses, at the field\'s path, in English and Chinese', async () => {
    const unknown = await engine.request('POST', '/api/v1/meta/approval-processes', discountProcess(engine.adminId, { pack: 'pricing', action: 'applyRebate' }));
    const [missing] = expectError(unknown, 400, 'validation_failed');
    expect(missing).to.deep.equal({ path: '/onApprove/1/packAction/action', message: "pack 'pricing' has no action named 'applyRebate'; its actions are: applyDiscount, tagPriority" });
    const tooMuch = discountProcess(engine.adminId, { pack: 'pricing', action: 'applyDiscount', params: { percent: 80 } });
    const [english] = expectError(await engine.request('POST', '/api/v1/meta/approval-processes', tooMuch), 400);
    expect(english!.path).to.equal('/onApprove/1/packAction/params/percent');
    expect(english!.message).to.match(/50/);
    const [chinese] = expectError(await engine.request('POST', '/api/v1/meta/approval-processes', tooMuch, { 'accept-language': 'zh-CN' }), 400);
    expect(chinese!.path).to.equal('/onApprove/1/packAction/params/percent');
    expect(chinese!.message).to.match(/[\u4e00-\u9fff]/);
    const noPercent = discountProcess(engine.adminId, { pack: 'pricing', action: 'applyDiscount' });
    expect(expectError(await engine.request('POST', '/api/v1/meta/approval-processes', noPercent), 400).map((detail) => detail.path)).to.deep.equal(['/onApprove/1/packAction/params/percent']);
    expect((await engine.request('GET', '/api/v1/meta/approval-processes/pa_discount_approval')).status, 'nothing saved').to.equal(404);
  });

  it('refuses, in a tenant without the pack, a process naming its action', async () => {
    expect((await engine.request('POST', '/api/v1/meta/objects', ORDER, acme.headers)).status).to.equal(201);
    const refused = await engine.request('POST', '/api/v1/meta/approval-processes', discountProcess(acme.adminId), acme.headers);
    const [detail] = expectError(refused, 400);
    expect(detail).to.deep.equal({ path: '/onApprove/1/packAction/pack', message: "pack 'pricing' is not installed in this tenant (or brings no actions): install it, or choose another action" });
    const chinese = await engine.request('POST', '/api/v1/meta/approval-processes', discountProcess(acme.adminId), { ...acme.headers, 'accept-language': 'zh-CN' });
    expect(expectError(chinese, 400)[0]!.message).to.match(/[\u4e00-\u9fff]/);
  });

  it('runs the action when the process approves: its changes go through the write path (formula, history, a created record), as the approver', async () => {
    expect((await engine.request('POST', '/api/v1/meta/approval-processes', discountProcess(engine.adminId))).status).to.equal(201);
    const { id } = await submitted({ title: 'Pumps', amount: 2000 });
    const approved = await engine.request('POST', `${approval(id)}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    const order = (await engine.request('GET', `/api/v1/records/pa_order/${id}`)).body;
    expect(order).to.include({ status: 'approved', discount: 10, net: 1800, approved_by: engine.adminId });
    const history = (await engine.request('GET', `/api/v1/records/pa_order/${id}/history`)).body.entries as { action: string; field?: string; new?: unknown }[];
    expect(history.find((entry) => entry.field === 'discount')).to.include({ action: 'updated', new: 10 });
    expect((await listRecords(engine, 'pa_note')).records.map((note) => note.text)).to.deep.equal(['Discount of 10% on Pumps']);
  });

  it('fails the approval with the action\'s message when it refuses, changing nothing (not the fields set before it, not what it wrote)', async () => {
    const { id, version } = await submitted({ title: 'Turbines', amount: 250000 });
    const tenant = await engine.platform.tenant('default');
    const logged = await tenant.store.collection('pack.pricing.log').count({});
    const refused = await engine.request('POST', `${approval(id)}/approve`, {});
    expect(expectError(refused, 400)).to.deep.equal([{ path: '/amount', message: 'is above the credit limit of 100000' }]);
    const order = (await engine.request('GET', `/api/v1/records/pa_order/${id}`)).body;
    expect(order).to.include({ status: 'draft', _version: version });
    expect(order.discount).to.equal(undefined);
    expect((await engine.request('GET', approval(id))).body.status, 'still waiting for its approver').to.equal('pending');
    expect(await tenant.store.collection('pack.pricing.log').count({}), 'the action\'s own write undone').to.equal(logged);
    expect((await listRecords(engine, 'pa_note')).records).to.have.length(1);
  });

  it('describes the action in a simulation with its label in the reader\'s language', async () => {
    const simulate = '/api/v1/meta/approval-processes/pa_discount_approval/simulate';
    const english = await engine.request('POST', simulate, { record: { title: 'Valves', amount: 100 } });
    expect(english.status, JSON.stringify(english.body)).to.equal(200);
    expect(english.body.onApprove[1]).to.deep.equal({ at: '/onApprove/1', type: 'packAction', pack: 'pricing', action: 'applyDiscount', label: 'Apply a discount', params: { percent: 10 } });
    const chinese = await engine.request('POST', simulate, { record: { title: 'Valves', amount: 100 } }, { 'accept-language': 'zh-CN' });
    expect(chinese.body.onApprove[1].label).to.equal('应用折扣');
  });

  it('runs the pack\'s own rule on a write, as the writer, and fails the write with its message when the action refuses', async () => {
    const big = await createRecord(engine, 'pa_order', { title: 'Boilers', amount: 9000 });
    expect(big).to.include({ priority: 'high', tagged_by: engine.adminId });
    const small = await createRecord(engine, 'pa_order', { title: 'Bolts', amount: 10 });
    expect(small.priority).to.equal(undefined);
    const before = (await listRecords(engine, 'pa_order', { total: true })).total;
    const refused = await engine.request('POST', '/api/v1/records/pa_order', { title: 'blocked customer', amount: 9000 });
    expect(expectError(refused, 400)).to.deep.equal([{ path: '/title', message: 'names a blocked customer' }]);
    expect((await listRecords(engine, 'pa_order', { total: true })).total, 'nothing stored').to.equal(before);
  });

  it('refuses to uninstall the pack while the tenant\'s own process uses its actions (the pack\'s own rule goes with it)', async () => {
    const refused = await engine.request('DELETE', '/api/v1/packs/pricing');
    const details = expectError(refused, 409, 'pack_action_in_use');
    expect(details.map((detail) => detail.path)).to.deep.equal(['/approvalProcess:pa_discount_approval/onApprove/1/packAction']);
    expect((await engine.request('GET', '/api/v1/packs/actions')).body.actions).to.have.length(2);
  });

  it('reports an upgrade that drops an action still used as a problem of the plan, and refuses to install it', async () => {
    writePricing(packsDir, '1.1.0');
    const planned = await engine.request('POST', '/api/v1/packs/plan', { name: 'pricing' });
    expect(planned.status, JSON.stringify(planned.body)).to.equal(200);
    expect(planned.body.plan.problems).to.deep.equal([
      {
        path: '/approvalProcess:pa_discount_approval/onApprove/1/packAction/action',
        message: "uses action 'applyDiscount', which version 1.1.0 of pack 'pricing' no longer has: change the definition first",
      },
    ]);
    const refused = await engine.request('POST', '/api/v1/packs/install', { name: 'pricing' });
    expect(expectError(refused, 409, 'pack_action_in_use').map((detail) => detail.path)).to.deep.equal(['/approvalProcess:pa_discount_approval/onApprove/1/packAction/action']);
    const installed = (await engine.request('GET', '/api/v1/packs')).body.installed as { name: string; version: string }[];
    expect(installed.find((pack) => pack.name === 'pricing')?.version).to.equal('1.0.0');
    writePricing(packsDir, '1.0.0');
  });

  it('uninstalls with force; the process then fails when it reaches the action, naming it', async () => {
    const { id } = await submitted({ title: 'Fans', amount: 100 });
    const removed = await engine.request('DELETE', '/api/v1/packs/pricing?force=true');
    expect(removed.status, JSON.stringify(removed.body)).to.equal(200);
    expect((await engine.request('GET', '/api/v1/packs/actions')).body.actions).to.deep.equal([]);
    const refused = await engine.request('POST', `${approval(id)}/approve`, {});
    const details = expectError(refused, 422, 'pack_action_unavailable');
    expect(details.map((detail) => detail.path)).to.deep.equal(['/onApprove/1/packAction/pack']);
  });
});
