import { expect } from 'chai';
import { EMAIL_OUTBOX } from '../../../engine/mail/index.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../../support/tenant-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../../support/test-engine.js';
import { demoUser, ok, PLUGINS, type Json } from './pack-tenant-helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The service pack over the real server and store: installed into fresh tenants with and without
 * demo data, then the department's path end to end — a case routed to its queue, timed against its
 * priority's SLA target, paused while it waits on the customer, breached and escalated at the test
 * clock's time, handed over, closed and surveyed; an article reviewed and published.
 */
describe('packs: service', function () {
  this.timeout(120_000);
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine({ packsDir: PLUGINS, operatorToken: OPERATOR_TOKEN });
    // The test is the clock: jobs run when it says so.
    await engine.jobs.stop();
  });
  after(() => engine.stop());

  const install = (tenant: TestTenant, name: string, demoData = false) => engine.request('POST', '/api/v1/packs/install', { name, demoData }, tenant.headers);
  /** Runs every job due at `when`, again while any ran (a job may enqueue another due at once). */
  const runAllDue = async (when: Date) => {
    while ((await engine.jobs.runDue(when)) > 0);
  };

  describe('installed without demo data', () => {
    let tenant: TestTenant;
    let as: (who: Person, method: string, path: string, body?: unknown) => Promise<TestResponse>;
    let team: Record<'manager' | 'agent' | 'second', Person>;
    const admin = (method: string, path: string, body?: unknown) => engine.request(method, path, body, tenant.headers);
    const read = async (id: string) => ok(await admin('GET', `/api/v1/records/case/${id}`));

    before(async () => {
      tenant = await createTenant(engine, 'service-plain');
      for (const pack of ['company', 'sales']) ok(await install(tenant, pack));
      as = (who, method, path, body) => engine.request(method, path, body, { 'x-tenant': tenant.name, authorization: `Bearer ${who.token}` });
    });

    it('needs the sales pack, then installs its objects, SLA targets per priority, roles under the company and queues', async () => {
      const installed = ok(await install(tenant, 'service'));
      for (const [role, reportsTo] of [['service_director', 'ceo'], ['service_manager', 'service_director'], ['service_agent', 'service_manager']]) {
        expect(ok(await admin('GET', `/api/v1/meta/roles/${role}`)).definition.reportsTo, role).to.equal(reportsTo);
      }
      const targets = ok(await admin('GET', '/api/v1/meta/sla-targets?object=case'));
      const byPriority = Object.fromEntries((targets.slaTargets as Json[]).map((target) => [target.priority, target]));
      expect(Object.keys(byPriority).sort()).to.deep.equal(['high', 'low', 'medium', 'urgent']);
      expect(byPriority.urgent.resolutionHours).to.equal(4);
      const caseObject = ok(await admin('GET', '/api/v1/meta/objects/case')).definition;
      expect(caseObject.label['zh-CN']).to.equal('服务工单');
      for (const group of ['general_support', 'technical_support', 'billing_support', 'priority_support']) ok(await admin('GET', `/api/v1/meta/groups/${group}`));
    });

    it('refuses an SLA target for a priority the case has not, or a second target of one priority, at its path; an admin changes a target', async () => {
      const unknown = await admin('POST', '/api/v1/meta/sla-targets', { name: 'case_vip', object: 'case', priority: 'vip', firstResponseHours: 1, resolutionHours: 2, escalateTo: 'service_manager' });
      expect(unknown.status, JSON.stringify(unknown.body)).to.equal(400);
      expect(unknown.body.error.details.map((detail: Json) => detail.path)).to.include('/priority');
      // One target per priority: a target is named after its object and priority.
      const twice = await admin('POST', '/api/v1/meta/sla-targets', { name: 'urgent_fast', object: 'case', priority: 'urgent', firstResponseHours: 1, resolutionHours: 2, escalateTo: 'service_manager' });
      expect(twice.status, JSON.stringify(twice.body)).to.equal(400);
      expect(twice.body.error.details.map((detail: Json) => detail.path)).to.include('/name');
      expect((await admin('POST', '/api/v1/meta/sla-targets', { name: 'case_urgent', object: 'case', priority: 'urgent', firstResponseHours: 1, resolutionHours: 2, escalateTo: 'service_manager' })).status).to.equal(409);
    });

    it('sets up a team: a manager and two agents with the pack\'s permission sets', async () => {
      const manager = await person(tenant, 'manager', 'service_manager', ['standard_user', 'service_manager']);
      const agent = await person(tenant, 'agent', 'service_agent', ['standard_user', 'service_user'], manager.id);
      const second = await person(tenant, 'second', 'service_agent', ['standard_user', 'service_user'], manager.id);
      team = { manager, agent, second };
    });

    it('routes a new case to its queue by category and times it against its priority\'s target', async () => {
      const before = Date.now();
      const created = ok(await as(team.agent, 'POST', '/api/v1/records/case', { subject: 'Invoice shows the wrong tax rate', category: 'billing', priority: 'high', channel: 'phone' }), 201);
      expect(created.queue).to.equal('billing');
      expect(created._owner).to.equal('queue:billing_support');
      const opened = Date.parse(created.opened_at);
      expect(opened).to.be.within(before - 1000, Date.now());
      expect(Date.parse(created.first_response_due) - opened).to.equal(4 * HOUR);
      expect(Date.parse(created.resolution_due) - opened).to.equal(24 * HOUR);
      expect(created.sla_status).to.equal('on_track');
      // Urgent goes to the priority queue, whatever its category.
      const urgent = ok(await as(team.agent, 'POST', '/api/v1/records/case', { subject: 'Line down', category: 'billing', priority: 'urgent' }), 201);
      expect(urgent._owner).to.equal('queue:priority_support');
      // A change of priority times the case again from when it was opened.
      const lowered = ok(await as(team.agent, 'PATCH', `/api/v1/records/case/${urgent._id}`, { priority: 'low' }));
      expect(Date.parse(lowered.resolution_due) - Date.parse(lowered.opened_at)).to.equal(168 * HOUR);
    });

    it('escalates a case that breaches its SLA at the test clock\'s time: to the owner\'s manager, breached, a level up, e-mailed', async () => {
      const opened = ok(await as(team.agent, 'POST', '/api/v1/records/case', { subject: 'Gateway drops the connection', category: 'technical', priority: 'urgent' }), 201);
      // The agent takes it from the queue and answers: the first response is met.
      ok(await as(team.agent, 'POST', `/api/v1/records/case/${opened._id}/take`));
      const working = ok(await as(team.agent, 'PATCH', `/api/v1/records/case/${opened._id}`, { status: 'working' }));
      expect(working.first_responded_at).to.be.a('string');
      const due = new Date(working.resolution_due);
      await runAllDue(new Date(due.getTime() - MINUTE));
      expect((await read(opened._id)).escalated).to.equal(false);
      await runAllDue(new Date(due.getTime() + MINUTE));
      const escalated = await read(opened._id);
      expect(escalated).to.include({ escalated: true, escalation_level: 1, sla_status: 'breached', status: 'escalated', escalated_to: team.manager.id });
      // The rule acted as the engine, and told the manager.
      expect(escalated._updatedBy).to.equal('system');
      const mails = await outbox(tenant);
      expect(mails.some((mail) => mail.to.includes(team.manager.email) && String(mail.subject).includes(escalated.case_number))).to.equal(true);
      // Once: running later again does nothing more.
      await runAllDue(new Date(due.getTime() + 2 * HOUR));
      expect((await read(opened._id)).escalation_level).to.equal(1);
      // Resolved late, it stays breached.
      const resolved = ok(await as(team.agent, 'PATCH', `/api/v1/records/case/${opened._id}`, { status: 'resolved', resolution: 'Replaced the gateway.' }));
      expect(resolved.sla_status).to.equal('breached');
      expect(resolved.resolved_at).to.be.a('string');
    });

    it('pauses the SLA while the case waits on the customer: no escalation past the due time, then the due time moves by the wait', async () => {
      const opened = ok(await as(team.agent, 'POST', '/api/v1/records/case', { subject: 'Sensor reads zero', category: 'product', priority: 'urgent' }), 201);
      ok(await as(team.agent, 'POST', `/api/v1/records/case/${opened._id}/take`));
      ok(await as(team.agent, 'PATCH', `/api/v1/records/case/${opened._id}`, { status: 'working' }));
      const waiting = ok(await as(team.agent, 'PATCH', `/api/v1/records/case/${opened._id}`, { status: 'waiting_on_customer' }));
      expect(waiting.sla_status).to.equal('paused');
      const pausedAt = Date.parse(waiting.sla_paused_at);
      const due = Date.parse(waiting.resolution_due);
      // Past the due time while paused: nothing fires.
      await runAllDue(new Date(due + HOUR));
      expect((await read(opened._id)).escalated).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const resumed = ok(await as(team.agent, 'PATCH', `/api/v1/records/case/${opened._id}`, { status: 'working' }));
      const waited = Date.parse(resumed._updatedAt) - pausedAt;
      expect(resumed.sla_status).to.equal('on_track');
      expect(resumed.sla_paused_at).to.equal(undefined);
      expect(Date.parse(resumed.resolution_due) - due).to.be.within(1000, waited + 50);
      expect(resumed.sla_paused_minutes).to.be.above(0);
      // The new due time is planned again: it fires there, not before.
      const moved = Date.parse(resumed.resolution_due);
      await runAllDue(new Date(moved - 200));
      expect((await read(opened._id)).escalated).to.equal(false);
      await runAllDue(new Date(moved + MINUTE));
      expect((await read(opened._id)).sla_status).to.equal('breached');
    });

    it('hands a case over with the reason: the case goes to the new owner and keeps the hand-over in its history', async () => {
      const opened = ok(await as(team.agent, 'POST', '/api/v1/records/case', { subject: 'Charged twice this month', category: 'billing', priority: 'medium' }), 201);
      ok(await as(team.agent, 'POST', `/api/v1/records/case/${opened._id}/take`));
      const path = `/api/v1/records/case/${opened._id}`;
      const unexplained = await as(team.agent, 'PATCH', path, { handover_to: team.second.id });
      expect(unexplained.status).to.equal(400);
      expect(unexplained.body.error.details[0].path).to.equal('/handover_reason');
      const toSelf = await as(team.agent, 'PATCH', path, { handover_to: team.agent.id, handover_reason: 'to myself' });
      expect(toSelf.body.error.details[0].path).to.equal('/handover_to');
      // In the reader's language.
      const inChinese = await engine.request('PATCH', path, { handover_to: team.second.id }, { 'x-tenant': tenant.name, authorization: `Bearer ${team.agent.token}`, 'accept-language': 'zh-CN' });
      expect(inChinese.body.error.details[0].message).to.equal('请说明移交工单的原因');
      expect((await read(opened._id))._owner, 'nothing changed').to.equal(team.agent.id);
      const handed = ok(await as(team.agent, 'PATCH', path, { handover_to: team.second.id, handover_reason: 'Needs a billing specialist' }));
      expect(handed._owner).to.equal(team.second.id);
      expect(handed.handover_to).to.equal(undefined);
      expect((await read(opened._id)).handovers).to.equal(1);
      // The new owner hands it on; the history keeps both, each with who handed it, to whom and why.
      ok(await as(team.second, 'PATCH', path, { handover_to: team.manager.id, handover_reason: 'Refund above my limit' }));
      const related = ok(await as(team.manager, 'GET', `/api/v1/records/case_handover?sort=handed_over_at&filter=${encodeURIComponent(JSON.stringify({ case: opened._id }))}`));
      expect(related.records.map((record: Json) => [record.from_owner, record.to_owner, record.handed_over_by, record.reason])).to.deep.equal([
        [team.agent.id, team.second.id, team.agent.id, 'Needs a billing specialist'],
        [team.second.id, team.manager.id, team.second.id, 'Refund above my limit'],
      ]);
      // Agents read the history but do not write it by hand.
      expect((await as(team.agent, 'POST', '/api/v1/records/case_handover', { case: opened._id, to_owner: team.agent.id, reason: 'forged' })).status).to.equal(403);
    });

    it('sends a survey when a case is closed; the answers roll up per agent and category', async () => {
      const scores: [Person, string, number][] = [[team.agent, 'technical', 5], [team.agent, 'billing', 3], [team.second, 'technical', 2]];
      for (const [agent, category, score] of scores) {
        const opened = ok(await as(agent, 'POST', '/api/v1/records/case', { subject: `A ${category} question`, category, priority: 'low' }), 201);
        ok(await as(agent, 'POST', `/api/v1/records/case/${opened._id}/take`));
        ok(await as(agent, 'PATCH', `/api/v1/records/case/${opened._id}`, { status: 'closed', resolution: 'Answered.' }));
        const [survey] = ok(await admin('GET', `/api/v1/records/case_survey?filter=${encodeURIComponent(JSON.stringify({ case: opened._id }))}`)).records as Json[];
        expect(survey, 'a survey was sent').to.include({ status: 'sent', agent: agent.id, category });
        // Answering without a score is refused at its field.
        const empty = await admin('PATCH', `/api/v1/records/case_survey/${survey!._id}`, { status: 'answered' });
        expect(empty.status).to.equal(422);
        expect(empty.body.error.details[0].path).to.equal('/score');
        const answered = ok(await admin('PATCH', `/api/v1/records/case_survey/${survey!._id}`, { status: 'answered', score }));
        expect(answered.answered_at).to.be.a('string');
        expect((await read(opened._id)).csat_score).to.equal(score);
      }
      const byAgent = ok(await admin('POST', '/api/v1/reports/csat_by_agent/run', {}));
      const agentRows = Object.fromEntries((byAgent.groups as Json[]).map((group) => [group.key ?? group.value, group]));
      expect(measure(agentRows[team.agent.id], 'avg:score')).to.equal(4);
      expect(measure(agentRows[team.second.id], 'avg:score')).to.equal(2);
      const byCategory = ok(await admin('POST', '/api/v1/reports/csat_by_category/run', {}));
      const categoryRows = Object.fromEntries((byCategory.groups as Json[]).map((group) => [group.key ?? group.value, group]));
      expect(measure(categoryRows.technical, 'avg:score')).to.equal(3.5);
      expect(measure(categoryRows.technical, 'count')).to.equal(2);
    });

    it('takes a knowledge article through review: draft, submitted to a service manager, published', async () => {
      const draft = ok(await as(team.agent, 'POST', '/api/v1/records/knowledge_article', { title: 'Resetting a gateway', category: 'technical', body: 'Hold reset for ten seconds.' }), 201);
      expect(draft.status).to.equal('draft');
      ok(await as(team.agent, 'POST', `/api/v1/records/knowledge_article/${draft._id}/approval/submit`, {}));
      expect(ok(await as(team.agent, 'GET', `/api/v1/records/knowledge_article/${draft._id}`)).status).to.equal('in_review');
      // The author cannot approve their own article; the manager can.
      expect((await as(team.agent, 'POST', `/api/v1/records/knowledge_article/${draft._id}/approval/approve`, {})).status).to.equal(403);
      ok(await as(team.manager, 'POST', `/api/v1/records/knowledge_article/${draft._id}/approval/approve`, { comment: 'Clear.' }));
      const published = ok(await as(team.agent, 'GET', `/api/v1/records/knowledge_article/${draft._id}`));
      expect(published.status).to.equal('published');
      expect(published.published_at).to.be.a('string');
      const listed = ok(await admin('GET', `/api/v1/records/knowledge_article?filter=${encodeURIComponent(JSON.stringify({ status: 'published' }))}`));
      expect(listed.records.map((record: Json) => record._id)).to.include(draft._id);
    });

    it('runs the service dashboard', async () => {
      const dashboard = ok(await admin('POST', '/api/v1/dashboards/service_home/run', {}));
      const components = dashboard.components as Json[];
      expect(components.map((component) => component.key)).to.include.members(['open', 'backlog', 'breaches', 'csat']);
      for (const component of components) expect(component.error, component.key).to.equal(undefined);
    });

    it('uninstalls with force, its records with it; its team keeps their other permission sets', async () => {
      const refused = await engine.request('DELETE', '/api/v1/packs/service', undefined, tenant.headers);
      // Without force it is refused, nothing changed: its people and records still use it.
      expect(refused.status).to.equal(409);
      expect(['pack_has_records', 'permission_set_in_use', 'role_in_use']).to.include(refused.body.error.code);
      ok(await engine.request('DELETE', '/api/v1/packs/service?force=true', undefined, tenant.headers));
      expect((await admin('GET', '/api/v1/meta/objects/case')).status).to.equal(404);
      expect((await admin('GET', '/api/v1/meta/sla-targets')).status).to.equal(404);
      expect((await admin('GET', '/api/v1/meta/roles/service_agent')).status).to.equal(404);
      const agent = ok(await admin('GET', `/api/v1/records/user/${team.agent.id}`));
      expect(agent.role).to.equal(undefined);
      expect(agent.permission_sets).to.deep.equal(['standard_user']);
      // Each user's change is audited as an admin's edit of the user would be.
      const [latest] = ok(await admin('GET', `/api/v1/audit?record=${team.agent.id}`)).entries as Json[];
      expect(latest).to.deep.include({ action: 'record.update', actor: tenant.adminId });
      expect(latest!.changes.role).to.deep.equal({ old: 'service_agent', new: null });
    });
  });

  describe('installed with demo data', () => {
    let tenant: TestTenant;
    const admin = (method: string, path: string, body?: unknown) => engine.request(method, path, body, tenant.headers);
    const count = async (object: string, filter: Json = {}) =>
      ok(await admin('GET', `/api/v1/records/${object}?limit=1&total=true&filter=${encodeURIComponent(JSON.stringify(filter))}`)).total as number;

    before(async () => {
      tenant = await createTenant(engine, 'service-demo');
      ok(await install(tenant, 'company'));
      ok(await install(tenant, 'sales', true));
    });

    it('plans and installs a year of cases naming the sales demo\'s accounts and contacts, with the service team', async () => {
      const plan = ok(await engine.request('POST', '/api/v1/packs/plan', { name: 'service', demoData: true }, tenant.headers));
      expect(plan.plan.demoData).to.include({ user: 11, case: 900 });
      const started = Date.now();
      ok(await install(tenant, 'service', true));
      expect(Date.now() - started, 'installs in well under a minute').to.be.below(45_000);
      expect(await count('case')).to.equal(900);
      const users = ok(await admin('GET', `/api/v1/records/user?limit=50&filter=${encodeURIComponent(JSON.stringify({ role: { in: ['service_director', 'service_manager', 'service_agent'] } }))}`)).records as Json[];
      expect(users.map((user) => user.email)).to.include.members(['service_director@demo.crm.local', 'service_manager@demo.crm.local', 'service_agent@demo.crm.local', 'service_agent8@demo.crm.local']);
      const agent = users.find((user) => user.email === 'service_agent@demo.crm.local')!;
      expect(agent.permission_sets).to.include('service_user');
      // Cases name the sales demo's accounts and contacts, and their contact works at their account.
      const sample = (ok(await admin('GET', '/api/v1/records/case?limit=1&sort=case_number')).records as Json[])[0]!;
      expect(sample.account).to.be.a('string');
      const contact = ok(await admin('GET', `/api/v1/records/contact/${sample.contact}`));
      expect(contact.account).to.equal(sample.account);
      // New cases wait in their queues; the others are with the agents who took them.
      expect(await count('case', { status: 'new', _owner: { in: ['queue:general_support', 'queue:technical_support', 'queue:billing_support', 'queue:priority_support'] } })).to.equal(await count('case', { status: 'new' }));
      expect(await count('case', { status: 'closed', _owner: agent._id })).to.be.above(0);
    });

    it('shows a working service dashboard: a backlog, breaches over the year, a satisfaction trend and every agent\'s score', async () => {
      const dashboard = ok(await admin('POST', '/api/v1/dashboards/service_home/run', {}));
      for (const component of dashboard.components as Json[]) expect(component.error, component.key).to.equal(undefined);
      const open = await count('case', { status: { in: ['new', 'working', 'waiting_on_customer', 'escalated'] } });
      expect(open).to.be.within(20, 150);
      const backlog = ok(await admin('POST', '/api/v1/reports/case_backlog/run', {}));
      expect(backlog.total?.count ?? backlog.total?.measures?.count ?? backlog.total).to.equal(open);
      const breaches = ok(await admin('POST', '/api/v1/reports/sla_breaches_by_month/run', {}));
      expect((breaches.groups as Json[]).length).to.be.at.least(10);
      const byAgent = ok(await admin('POST', '/api/v1/reports/csat_by_agent/run', {}));
      expect((byAgent.groups as Json[]).length).to.equal(8);
      const trend = ok(await admin('POST', '/api/v1/reports/csat_trend/run', {}));
      expect((trend.groups as Json[]).length).to.be.at.least(10);
    });

    it('lets a demo agent sign in and see their own cases and the queues\' cases, not another team\'s', async () => {
      const agent = await demoUser(engine, tenant, 'service_agent@demo.crm.local');
      const seen = ok(await agent.as('GET', '/api/v1/records/case?limit=1&total=true'));
      const own = await count('case', { _owner: agent.id });
      const queued = await count('case', { _owner: { in: ['queue:general_support', 'queue:technical_support', 'queue:billing_support', 'queue:priority_support'] } });
      expect(seen.total).to.equal(own + queued);
      expect(seen.total).to.be.below(900);
    });

    it('uninstalls with force: its records go, and so do its roles and permission sets from the demo users who held them', async () => {
      const refused = await engine.request('DELETE', '/api/v1/packs/service', undefined, tenant.headers);
      // Without force it is refused, nothing changed: its people and records still use it.
      expect(refused.status).to.equal(409);
      expect(['pack_has_records', 'permission_set_in_use', 'role_in_use']).to.include(refused.body.error.code);
      const forced = await engine.request('DELETE', '/api/v1/packs/service?force=true', undefined, tenant.headers);
      expect(forced.status, JSON.stringify(forced.body)).to.equal(200);
      const users = ok(await admin('GET', `/api/v1/records/user?limit=50&filter=${encodeURIComponent(JSON.stringify({ email: { in: ['service_director@demo.crm.local', 'service_agent@demo.crm.local'] } }))}`)).records as Json[];
      expect(users).to.have.length(2);
      for (const user of users) expect(user, user.email).to.deep.include({ permission_sets: ['standard_user'] }).and.not.have.property('role');
      // The sales demo is untouched, and the pack installs again (its demo users stay as people of the tenant).
      expect(await count('account')).to.equal(300);
      ok(await install(tenant, 'service'));
      expect(await count('case')).to.equal(0);
    });
  });

  interface Person {
    id: string;
    email: string;
    token: string;
  }

  /** A user of the tenant with a role and permission sets, signed in once for an API token. */
  async function person(tenant: TestTenant, name: string, role: string, permissionSets: string[], manager?: string): Promise<Person> {
    const email = `${name}@service.example`;
    ok(await engine.request('POST', '/api/v1/records/user', { full_name: name, email, role, permission_sets: permissionSets, ...(manager ? { manager } : {}) }, tenant.headers), 201);
    const signedIn = await demoUser(engine, tenant, email);
    return { id: signedIn.id, email, token: signedIn.headers.authorization!.slice('Bearer '.length) };
  }

  async function outbox(tenant: TestTenant): Promise<Json[]> {
    const handle = await engine.platform.tenant(tenant.name);
    return (await handle.store.collection(EMAIL_OUTBOX).find({})) as Json[];
  }

  function measure(group: Json | undefined, key: string): unknown {
    expect(group, `a group for ${key}`).to.not.equal(undefined);
    return group!.measures?.[key] ?? group!.values?.[key];
  }
});
