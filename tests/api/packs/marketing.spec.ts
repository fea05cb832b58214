import { expect } from 'chai';
import { JOBS_COLLECTION, type JobDoc } from '../../../engine/jobs/index.js';
import { packJobKind } from '../../../engine/packs/index.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../../support/tenant-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../../support/test-engine.js';
import { demoUser, ok, PLUGINS, type Json } from './pack-tenant-helpers.js';
const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

describe('packs: marketing', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine({ packsDir: PLUGINS, operatorToken: OPERATOR_TOKEN });
  });
  after(() => engine.stop());

  const installAll = async (tenant: TestTenant, demoData: boolean) => {
    for (const name of ['company', 'sales', 'marketing']) ok(await engine.request('POST', '/api/v1/packs/install', { name, demoData }, tenant.headers));
  };

  describe('installed without demo data: a campaign\'s return and a segment kept to its criteria', () => {
    let tenant: TestTenant;
    let call: (method: string, path: string, body?: unknown) => Promise<TestResponse>;
    const create = async (object: string, values: Json): Promise<Json> => ok(await call('POST', `/api/v1/records/${object}`, values), 201);
    const read = async (object: string, id: string): Promise<Json> => ok(await call('GET', `/api/v1/records/${object}/${id}`));
    const update = async (object: string, id: string, values: Json): Promise<Json> => ok(await call('PATCH', `/api/v1/records/${object}/${id}`, values));
    const list = async (object: string, filter: Json): Promise<Json[]> =>
      ok(await call('GET', `/api/v1/records/${object}?limit=200&filter=${encodeURIComponent(JSON.stringify(filter))}`)).records;
    const resultOf = async (campaign: string): Promise<Json> => {
      const [result, ...more] = await list('campaign_result', { campaign });
      expect(more, 'one results record per campaign').to.deep.equal([]);
      return result!;
    };

    before(async () => {
      tenant = await createTenant(engine, 'mkt-plain');
      call = (method, path, body) => engine.request(method, path, body, tenant.headers);
    });

    it('needs the sales pack, then installs its objects, roles under the chief executive, app, reports and dashboard', async () => {
      ok(await call('POST', '/api/v1/packs/install', { name: 'company' }));
      const early = await call('POST', '/api/v1/packs/install', { name: 'marketing' });
      expect(early.status, JSON.stringify(early.body)).to.equal(409);
      expect(early.body.error.code).to.equal('pack_requirement');
      ok(await call('POST', '/api/v1/packs/install', { name: 'sales' }));
      ok(await call('POST', '/api/v1/packs/install', { name: 'marketing' }));
      for (const object of ['campaign_member', 'segment', 'segment_member', 'campaign_result']) {
        const definition = ok(await call('GET', `/api/v1/meta/objects/${object}`)).definition;
        expect(definition.label['zh-CN'], object).to.be.a('string');
      }
      for (const [role, reportsTo] of [['marketing_director', 'ceo'], ['marketing_manager', 'marketing_director'], ['marketing_specialist', 'marketing_manager']]) {
        expect(ok(await call('GET', `/api/v1/meta/roles/${role}`)).definition.reportsTo, role).to.equal(reportsTo);
      }
      expect(ok(await call('GET', '/api/v1/meta/apps/marketing')).definition.tabs).to.deep.include({ object: 'campaign_member' });
      const dashboard = ok(await call('POST', '/api/v1/dashboards/marketing_home/run', {}));
      const failed = (dashboard.components as Json[]).filter((component) => component.error);
      expect(failed, 'every component runs').to.deep.equal([]);
    });

    let campaign: Json;
    let lead: Json;
    let leadMember: Json;

    it('gives a new campaign its results record, with the budget and no return yet', async () => {
      campaign = await create('campaign', { name: 'Spring webinar 春季研讨会', type: 'webinar', status: 'active', start_date: today(), budget: 10000 });
      const result = await resultOf(campaign._id);
      expect(result, JSON.stringify(result)).to.include({ members: 0, responses: 0, leads: 0, won_opportunities: 0, won_revenue: 0, budget: 10000, roi: -100 });
    });

    it('puts a lead and a contact on the campaign once each, and dates the first response', async () => {
      lead = await create('lead', { first_name: 'Wei', last_name: 'Zhang', company: 'Huadong Robotics', email: 'wei.zhang@huadong.example', campaign: campaign._id, rating: 'hot', region: 'east' });
      const contact = await create('contact', { first_name: 'Anna', last_name: 'Berg', email: 'anna@nordic.example' });
      leadMember = await create('campaign_member', { campaign: campaign._id, lead: lead._id, status: 'sent' });
      const contactMember = await create('campaign_member', { campaign: campaign._id, contact: contact._id, status: 'sent' });
      expect(leadMember.member_type).to.equal('lead');

      const twice = await call('POST', '/api/v1/records/campaign_member', { campaign: campaign._id, lead: lead._id });
      expect(twice.status).to.equal(400);
      expect(twice.body.error.details).to.deep.equal([{ path: '/lead', message: `is already a member of this campaign (${leadMember.name})` }]);
      const chinese = await engine.request('POST', '/api/v1/records/campaign_member', { campaign: campaign._id, lead: lead._id }, { ...tenant.headers, 'accept-language': 'zh-CN' });
      expect(chinese.body.error.details).to.deep.equal([{ path: '/lead', message: `已是该市场活动的成员（${leadMember.name}）` }]);
      const neither = await call('POST', '/api/v1/records/campaign_member', { campaign: campaign._id });
      expect(neither.status).to.equal(422);
      const both = await call('POST', '/api/v1/records/campaign_member', { campaign: campaign._id, lead: lead._id, contact: contact._id });
      expect(both.status).to.equal(422);

      const responded = await update('campaign_member', leadMember._id, { status: 'responded' });
      expect(responded).to.include({ responded: true, first_responded_date: today() });
      expect((await read('campaign_member', contactMember._id)).responded).to.equal(false);
    });

    it('counts the responses, the converted lead and its won opportunity, and the ROI, when asked on the results page', async () => {
      const opportunity = await convertLead(lead._id);
      expect(opportunity.campaign, 'the opportunity keeps the lead\'s campaign').to.equal(campaign._id);
      const product = await create('product', { name: 'Vision kit 视觉套件', code: 'VK-1', unit_price: 15000 });
      await create('opportunity_line', { opportunity: opportunity._id, product: product._id, quantity: 2 });
      for (const stage of ['qualification', 'proposal', 'negotiation', 'closed_won']) await update('opportunity', opportunity._id, { stage });

      const result = await resultOf(campaign._id);
      const buttons = ok(await call('GET', `/api/v1/records/campaign_result/${result._id}/buttons`)).buttons as Json[];
      expect(buttons.map((button) => button.rule)).to.include('campaign_result_refresh_now');
      const pressed = ok(await call('POST', `/api/v1/records/campaign_result/${result._id}/buttons/campaign_result_refresh_now`));
      expect(pressed.record).to.include({
        members: 2, responses: 1, response_rate: 50, leads: 1, converted_leads: 1,
        opportunities: 1, won_opportunities: 1, won_revenue: 30000, pipeline_revenue: 0, budget: 10000, roi: 200,
      });

      const report = ok(await call('POST', '/api/v1/reports/campaign_roi/run', {}));
      expect(JSON.stringify(report)).to.contain('Spring webinar');
      const revenue = ok(await call('POST', '/api/v1/reports/won_revenue_by_campaign/run', {}));
      expect(revenue.total['sum:amount']).to.equal(30000);
    });

    it('counts every campaign again each hour in the pack\'s job, writing only the results that moved', async () => {
      await update('campaign', campaign._id, { budget: 20000 });
      const quiet = await create('campaign', { name: 'Trade show 展会', type: 'trade_show', budget: 5000 });
      const quietResult = await resultOf(quiet._id);
      // a campaign deleted: its result loses the campaign (deleting is not refused for it) and goes at the count
      const cancelled = await create('campaign', { name: 'Cancelled fair 取消的展会', budget: 1000 });
      const cancelledResult = await resultOf(cancelled._id);
      ok(await call('DELETE', `/api/v1/records/campaign/${cancelled._id}`), 204);
      await runResultsJob();
      expect((await call('GET', `/api/v1/records/campaign_result/${cancelledResult._id}`)).status).to.equal(404);
      expect(await resultOf(campaign._id)).to.include({ budget: 20000, won_revenue: 30000, roi: 50 });
      expect((await resultOf(quiet._id))._version, 'unchanged figures are not written again').to.equal(quietResult._version);
    });

    it('keeps a segment\'s members to its criteria: at once when made, on the button, and every night', async () => {
      const cold = await create('lead', { last_name: 'Li', company: 'Xi\'an Pumps', rating: 'cold', region: 'west' });
      const segment = await create('segment', { name: 'Hot leads', target: 'lead', criteria: { rating: 'hot' } });
      const membersOf = async () => (await list('segment_member', { segment: segment._id })).map((member) => member.lead).sort();
      expect(await membersOf()).to.deep.equal([lead._id]);
      expect((await read('segment', segment._id)).member_count).to.equal(1);

      // a record that starts matching joins at the next refresh: the button
      await update('lead', cold._id, { rating: 'hot' });
      expect(await membersOf(), 'not before a refresh').to.deep.equal([lead._id]);
      ok(await call('POST', `/api/v1/records/segment/${segment._id}/buttons/segment_refresh_now`));
      expect(await membersOf()).to.deep.equal([lead._id, cold._id].sort());
      expect((await read('segment', segment._id)).member_count).to.equal(2);

      // a record that stops matching leaves at the nightly refresh (02:00 in Shanghai)
      await update('lead', cold._id, { rating: 'warm' });
      const before = (await read('segment', segment._id)).refreshed_at;
      await engine.jobs.runDue(new Date(Date.now() + 2 * DAY));
      expect(await membersOf()).to.deep.equal([lead._id]);
      const after = await read('segment', segment._id);
      expect(after.member_count).to.equal(1);
      expect(after.refreshed_at > before, 'the refresh time moved').to.equal(true);

      // criteria an admin changes take effect when saved
      await update('segment', segment._id, { criteria: { rating: { in: ['hot', 'warm'] } } });
      expect(await membersOf()).to.deep.equal([lead._id, cold._id].sort());
    });

    it('refuses criteria that name no field of the segment\'s records, at /criteria, changing nothing', async () => {
      const refused = await call('POST', '/api/v1/records/segment', { name: 'Broken', target: 'lead', criteria: { shoe_size: 42 } });
      expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
      expect((refused.body.error.details as Json[]).map((detail) => detail.path)).to.deep.equal(['/criteria/shoe_size']);
      const chinese = await engine.request('POST', '/api/v1/records/segment', { name: 'Broken', target: 'lead', criteria: 'hot' }, { ...tenant.headers, 'accept-language': 'zh-CN' });
      expect(chinese.status).to.equal(400);
      expect(chinese.body.error.details[0].path).to.equal('/criteria');
      expect(chinese.body.error.details[0].message).to.match(/[\u4e00-\u9fff]/);
      expect(await list('segment', { name: 'Broken' })).to.deep.equal([]);
    });

    it('lets a specialist work campaign members but not define segments', async () => {
      await create('user', { full_name: 'Lin Jiayi', email: 'specialist@mkt-plain.example', role: 'marketing_specialist', permission_sets: ['standard_user', 'marketing_user'] });
      const { headers } = await demoUser(engine, tenant, 'specialist@mkt-plain.example');
      const contact = await create('contact', { last_name: 'Okafor', email: 'okafor@lagos.example' });
      ok(await engine.request('POST', '/api/v1/records/campaign_member', { campaign: campaign._id, contact: contact._id, status: 'opened' }, headers), 201);
      expect((await engine.request('POST', '/api/v1/records/segment', { name: 'Mine', target: 'contact', criteria: {} }, headers)).status).to.equal(403);
    });

    it('uninstalls with its records when forced, leaving sales as it was', async () => {
      // the admin takes the pack's permission sets from the users who hold them, as the refusal of a set in use says
      for (const user of await list('user', { role: { startsWith: 'marketing_' } })) await update('user', user._id, { role: null, permission_sets: ['standard_user'] });
      const refused = await call('DELETE', '/api/v1/packs/marketing');
      expect(refused.status).to.equal(409);
      expect(refused.body.error.code).to.equal('pack_has_records');
      ok(await call('DELETE', '/api/v1/packs/marketing?force=true'));
      expect((await call('GET', '/api/v1/meta/objects/campaign_member')).status).to.equal(404);
      expect((await read('campaign', campaign._id)).name).to.equal('Spring webinar 春季研讨会');
      // a campaign made now gets no results record: the pack's code went with it
      ok(await call('POST', '/api/v1/records/campaign', { name: 'After the pack' }), 201);
    });

    /** Converts the lead with the sales pack's button; the opportunity it became. */
    async function convertLead(id: string): Promise<Json> {
      const buttons = ok(await call('GET', `/api/v1/records/lead/${id}/buttons`)).buttons as Json[];
      const convert = buttons.find((button) => /convert/.test(button.rule));
      expect(convert, JSON.stringify(buttons)).to.not.equal(undefined);
      ok(await call('POST', `/api/v1/records/lead/${id}/buttons/${convert!.rule}`, {}));
      const converted = await read('lead', id);
      expect(converted.status).to.equal('converted');
      return read('opportunity', converted.converted_opportunity);
    }

    /** Runs the pack's hourly job in this tenant now. */
    async function runResultsJob(): Promise<void> {
      const jobs = (await engine.platform.tenant(tenant.name)).store.collection<JobDoc>(JOBS_COLLECTION);
      const [due] = await jobs.find({ kind: packJobKind('marketing', 'count-results'), status: 'due' });
      expect(due, 'scheduled at the install').to.not.equal(undefined);
      await jobs.updateOne({ _id: due!._id }, { $set: { dueAt: new Date(Date.now() - 1000).toISOString() } });
      await engine.jobs.runDue();
    }
  });

  describe('installed with demo data, on the sales pack\'s demo', () => {
    let tenant: TestTenant;
    const as = (method: string, path: string, body?: unknown) => engine.request(method, path, body, tenant.headers);
    const all = async (object: string, filter: Json = {}): Promise<Json[]> => {
      const records: Json[] = [];
      let cursor = '';
      do {
        const page = ok(await as('GET', `/api/v1/records/${object}?limit=200&filter=${encodeURIComponent(JSON.stringify(filter))}${cursor ? `&cursor=${cursor}` : ''}`));
        records.push(...(page.records as Json[]));
        cursor = page.next ?? '';
      } while (cursor);
      return records;
    };
    before(async function () {
      this.timeout(300_000);
      tenant = await createTenant(engine, 'mkt-demo');
      ok(await as('POST', '/api/v1/packs/install', { name: 'company' }));
      ok(await as('POST', '/api/v1/packs/install', { name: 'sales', demoData: true }));
      const installed = ok(await as('POST', '/api/v1/packs/install', { name: 'marketing', demoData: true }));
      expect(installed.plan.demoData).to.include({ user: 3, segment: 4, campaign_result: 16 });
      expect(installed.plan.demoData.campaign_member).to.be.within(300, 2000);
    });

    it('counts every demo campaign\'s results as sales\' demo deals attribute them, with the ROI on the budget', async function () {
      this.timeout(60_000);
      const campaigns = await all('campaign');
      const won = await all('opportunity', { stage: 'closed_won', campaign: { isNull: false } });
      const members = await all('campaign_member');
      let withRevenue = 0;
      for (const campaign of campaigns) {
        const [result] = await all('campaign_result', { campaign: campaign._id });
        const revenue = won.filter((deal) => deal.campaign === campaign._id).reduce((sum, deal) => sum + Math.round(deal.amount * 100), 0) / 100;
        expect(result, campaign.name).to.include({ budget: campaign.budget, won_revenue: revenue, members: members.filter((member) => member.campaign === campaign._id).length });
        expect(result!.roi).to.be.closeTo(((revenue - campaign.budget) / campaign.budget) * 100, 0.05);
        if (revenue > 0) withRevenue++;
        if (campaign.status === 'planned') expect(members.filter((member) => member.campaign === campaign._id).every((member) => member.status === 'planned'), 'nobody answers a campaign not started').to.equal(true);
      }
      expect(withRevenue, 'campaigns brought won deals').to.be.above(0);
      const responded = members.filter((member) => member.responded);
      expect(responded.length).to.be.above(20);
      expect(responded.every((member) => typeof member.first_responded_date === 'string' && member.first_responded_date <= today())).to.equal(true);
    });

    it('gives each marketing role its user, the Marketing app and the marketing dashboard as home, every component running', async function () {
      this.timeout(60_000);
      const director = await demoUser(engine, tenant, 'marketing_director@demo.crm.local');
      const home = ok(await director.as('GET', '/api/v1/dashboards/home?app=marketing'));
      expect(JSON.stringify(home)).to.contain('marketing_home');
      const run = ok(await director.as('POST', '/api/v1/dashboards/marketing_home/run', {}));
      expect((run.components as Json[]).filter((component) => component.error)).to.deep.equal([]);
      const revenue = (run.components as Json[]).find((component) => component.key === 'revenue')!;
      const withWonDeals = (await all('campaign_result')).filter((result) => result.won_revenue > 0);
      expect(revenue.result.groups.length).to.equal(withWonDeals.length);
      const specialist = await demoUser(engine, tenant, 'marketing_specialist@demo.crm.local');
      const roles = await Promise.all(['marketing_director', 'marketing_manager', 'marketing_specialist'].map(async (role) => (await all('user', { role })).length));
      expect(roles).to.deep.equal([1, 1, 1]);
      const apps = ok(await specialist.as('GET', '/api/v1/meta/apps/marketing'));
      expect(apps.definition.name).to.equal('marketing');
    });

    it('refreshes a demo segment to the leads its criteria match, pressed by the marketing manager', async function () {
      this.timeout(60_000);
      const manager = await demoUser(engine, tenant, 'marketing_manager@demo.crm.local');
      const [segment] = await all('segment', { name: { startsWith: 'Hot leads' } });
      ok(await manager.as('POST', `/api/v1/records/segment/${segment!._id}/buttons/segment_refresh_now`));
      const matching = await all('lead', segment!.criteria);
      expect(matching.length).to.be.above(0);
      const refreshed = ok(await as('GET', `/api/v1/records/segment/${segment!._id}`));
      expect(refreshed.member_count).to.equal(matching.length);
    });

    it('uninstalls cleanly when forced, once its permission sets are taken from the demo users, leaving the sales demo', async function () {
      this.timeout(120_000);
      for (const user of await all('user', { role: { startsWith: 'marketing_' } })) ok(await as('PATCH', `/api/v1/records/user/${user._id}`, { role: null, permission_sets: ['standard_user'] }));
      ok(await as('DELETE', '/api/v1/packs/marketing?force=true'));
      expect((await as('GET', '/api/v1/records/campaign_result')).status).to.equal(404);
      expect((await all('campaign')).length).to.equal(16);
      ok(await as('POST', '/api/v1/packs/install', { name: 'marketing' }));
    });
  });
});
