import { expect } from 'chai';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const PASSWORD = 'a password for the search reps';

interface Result {
  object: string;
  objectLabel: string;
  id: string;
  name: string;
  rank: string;
  matched?: { field: string; label: string; snippet: string };
}

/** GET /api/v1/search over the real server: access, field security, ranking, limits, Chinese, bad input. */
describe('global search', () => {
  let engine: TestEngine;
  let rita: Record<string, string>;
  let rob: Record<string, string>;
  const ids: Record<string, string> = {};

  const search = (q: string, headers: Record<string, string> = {}, extra = ''): Promise<TestResponse> =>
    engine.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}${extra}`, undefined, headers);
  const results = async (q: string, headers: Record<string, string> = {}, extra = ''): Promise<Result[]> => {
    const response = await search(q, headers, extra);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.results as Result[];
  };
  const as = async (headers: Record<string, string>, object: string, values: Record<string, unknown>): Promise<string> => {
    const created = await engine.request('POST', `/api/v1/records/${object}`, values, headers);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body._id as string;
  };

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'srch_account',
      label: { en: 'Account', 'zh-CN': '客户' },
      sharing: 'private',
      fields: [
        { name: 'name', type: 'text', required: true, label: { en: 'Name', 'zh-CN': '名称' } },
        { name: 'notes', type: 'longtext', label: { en: 'Notes', 'zh-CN': '备注' } },
        { name: 'email', type: 'email', label: { en: 'E-mail', 'zh-CN': '电子邮件' } },
        { name: 'secret_code', type: 'text', label: { en: 'Secret code', 'zh-CN': '暗码' } },
        { name: 'rating', type: 'picklist', values: ['hot', 'cold'] },
      ],
    });
    await defineObject(engine, {
      name: 'srch_case',
      label: { en: 'Case', 'zh-CN': '工单' },
      sharing: 'publicRead',
      fields: [
        { name: 'subject', type: 'text', required: true },
        { name: 'description', type: 'longtext', label: { en: 'Description', 'zh-CN': '描述' } },
        { name: 'website', type: 'url' },
      ],
    });
    await defineObject(engine, { name: 'srch_note', sharing: 'publicRead', fields: [{ name: 'title', type: 'text' }] });
    await defineObject(engine, { name: 'srch_vault', sharing: 'publicRead', fields: [{ name: 'name', type: 'text' }] });
    const grant = {
      name: 'srch_rep',
      objects: { srch_account: { create: true, read: true, edit: true }, srch_case: { read: true }, srch_note: { read: true } },
      fields: { srch_account: { secret_code: { read: false, edit: false } } },
    };
    expect((await engine.request('POST', '/api/v1/meta/permission-sets', grant)).status).to.equal(201);
    const sets = ['standard_user', 'srch_rep'];
    await createUser(engine, { full_name: 'Rita Searcher', email: 'rita@example.com', permission_sets: sets }, PASSWORD);
    await createUser(engine, { full_name: 'Rob Searcher', email: 'rob@example.com', permission_sets: sets }, PASSWORD);
    rita = bearer(await tokenFor(engine, 'rita@example.com', PASSWORD));
    rob = bearer(await tokenFor(engine, 'rob@example.com', PASSWORD));

    ids.ritaRanch = await as(rita, 'srch_account', { name: 'Rita Ranch', notes: 'Met at the cattle fair' });
    ids.robRanch = await as(rob, 'srch_account', { name: 'Rob Ranch', notes: 'Met at the cattle fair' });
    // A value only the administrator may read and write, on Rob's own record.
    expect((await engine.request('PATCH', `/api/v1/records/srch_account/${ids.robRanch}`, { secret_code: 'zebra-42' })).status).to.equal(200);
    ids.vault = (await createRecord(engine, 'srch_vault', { name: 'Vault Ranch' }))._id;
  });
  after(() => engine.stop());

  describe('access', () => {
    it("never finds another rep's private record, only their own; the administrator finds both", async () => {
      const ritas = await results('Ranch', rita);
      expect(ritas.map((result) => result.id)).to.deep.equal([ids.ritaRanch]);
      const robs = await results('cattle fair', rob);
      expect(robs.map((result) => result.id)).to.deep.equal([ids.robRanch]);
      const admins = await results('Ranch');
      expect(admins.map((result) => result.id)).to.have.members([ids.ritaRanch, ids.robRanch, ids.vault]);
    });

    it('finds nothing in an object the caller may not read', async () => {
      expect((await results('Vault', rita)).map((result) => result.object)).to.not.include('srch_vault');
      expect((await results('Vault')).map((result) => result.id)).to.deep.equal([ids.vault]);
    });

    it('never finds a record by a field the caller may not read, even their own', async () => {
      expect(await results('zebra', rob)).to.deep.equal([]);
      const admins = await results('zebra');
      expect(admins).to.have.length(1);
      expect(admins[0]).to.include({ id: ids.robRanch, rank: 'field' });
      expect(admins[0]!.matched).to.deep.equal({ field: 'secret_code', label: 'Secret code', snippet: 'zebra-42' });
    });

    it('leaves fields the caller may not read out of every result', async () => {
      const robs = await results('Rob Ranch', rob);
      expect(JSON.stringify(robs)).to.not.include('zebra').and.not.include('secret_code');
    });
  });

  describe('ranking', () => {
    before(async () => {
      ids.pond = await as({}, 'srch_case', { subject: 'Pond cleaning', description: 'The lotus pond needs cleaning before spring' });
      ids.blue = await as({}, 'srch_case', { subject: 'Blue Lotus' });
      ids.garden = await as({}, 'srch_case', { subject: 'Lotus Garden' });
      ids.grove = await as({}, 'srch_case', { subject: 'lotus grove' });
      ids.exact = await as({}, 'srch_account', { name: 'LOTUS' });
      // Modified last: first among the names that start with the text.
      const patched = await engine.request('PATCH', `/api/v1/records/srch_case/${ids.garden}`, { website: 'https://lotus.example.com' });
      expect(patched.status, JSON.stringify(patched.body)).to.equal(200);
    });

    it('ranks the exact name, then names starting with the text, then names holding it, then other fields; most recently modified first within each', async () => {
      const found = await results('lotus');
      expect(found.map((result) => result.id)).to.deep.equal([ids.exact, ids.garden, ids.grove, ids.blue, ids.pond]);
      expect(found.map((result) => result.rank)).to.deep.equal(['exact', 'prefix', 'prefix', 'name', 'field']);
    });

    it('names the matched field when it is not the name, with its label in the caller\'s language and the text around the match', async () => {
      const pond = (await results('lotus pond', { 'accept-language': 'zh-CN' }))[0]!;
      expect(pond).to.deep.include({ object: 'srch_case', objectLabel: '工单', id: ids.pond, name: 'Pond cleaning', rank: 'field' });
      expect(pond.matched).to.deep.equal({ field: 'description', label: '描述', snippet: 'The lotus pond needs cleaning before spring' });
      const exact = (await results('LoTuS'))[0]!;
      expect(exact).to.deep.equal({ object: 'srch_account', objectLabel: 'Account', id: ids.exact, name: 'LOTUS', rank: 'exact' });
    });
  });

  describe('limits', () => {
    before(async () => {
      ids.widget = await as({}, 'srch_note', { title: 'Widget' });
      for (let i = 1; i <= 25; i++) {
        await as({}, 'srch_note', { title: `Widget note ${i}` });
        await as({}, 'srch_case', { subject: `Widget case ${i}` });
        await as({}, 'srch_account', { name: `Widget account ${i}` });
      }
    });

    it('answers at most 50 results, at most 20 of one object, keeping the exact match of an object with many more recent ones', async () => {
      const found = await results('widget');
      expect(found).to.have.length(50);
      const perObject = (object: string) => found.filter((result) => result.object === object).length;
      expect([perObject('srch_note'), perObject('srch_case'), perObject('srch_account')].every((count) => count <= 20)).to.equal(true);
      expect(perObject('srch_note') + perObject('srch_case') + perObject('srch_account')).to.equal(50);
      expect(found[0]).to.include({ id: ids.widget, rank: 'exact' });
    });

    it('answers fewer with limit', async () => {
      const found = await results('widget', {}, '&limit=3');
      expect(found.map((result) => result.id)[0]).to.equal(ids.widget);
      expect(found).to.have.length(3);
    });
  });

  describe('text', () => {
    before(async () => {
      ids.beijing = await as({}, 'srch_case', { subject: '北京科技有限公司', description: '年度维护合同' });
      ids.dots = await as({}, 'srch_case', { subject: 'a.b*c (draft)' });
      ids.axb = await as({}, 'srch_case', { subject: 'axbbc draft' });
    });

    it('finds Chinese text inside a name and inside another field, one character being enough', async () => {
      expect((await results('科技')).map((result) => result.id)).to.deep.equal([ids.beijing]);
      const contract = await results('维护', { 'accept-language': 'zh-CN' });
      expect(contract).to.have.length(1);
      expect(contract[0]).to.deep.include({ id: ids.beijing, name: '北京科技有限公司', objectLabel: '工单' });
      expect(contract[0]!.matched).to.deep.include({ field: 'description', label: '描述' });
      expect((await results('京')).map((result) => result.id)).to.deep.equal([ids.beijing]);
    });

    it('matches regular-expression characters literally', async () => {
      expect((await results('a.b*c (')).map((result) => result.id)).to.deep.equal([ids.dots]);
      expect((await results('.*'))).to.deep.equal([]);
      expect((await results('b*c'))).to.have.length(1);
    });

    it('trims the text', async () => {
      expect((await results('  科技  ')).map((result) => result.id)).to.deep.equal([ids.beijing]);
    });
  });

  describe('bad input', () => {
    const cases: { what: string; query: string; path: string; en: RegExp; zh: RegExp }[] = [
      { what: 'no text', query: '', path: '/q', en: /required.*at least 2 characters/, zh: /必填.*至少 2 个字符/ },
      { what: 'blanks only', query: 'q=%20%20', path: '/q', en: /required/, zh: /必填/ },
      { what: 'one letter', query: 'q=a', path: '/q', en: /at least 2 characters.*got 'a'/, zh: /至少需要 2 个字符.*'a'/ },
      { what: 'a text over 100 characters', query: `q=${'x'.repeat(101)}`, path: '/q', en: /at most 100 characters.*101/, zh: /最多 100 个字符/ },
      { what: 'the text twice', query: 'q=ab&q=cd', path: '/q', en: /once/, zh: /./ },
      { what: 'a limit out of range', query: 'q=ab&limit=51', path: '/limit', en: /from 1 to 50.*'51'/, zh: /1 到 50/ },
      { what: 'a limit that is no number', query: 'q=ab&limit=ten', path: '/limit', en: /from 1 to 50/, zh: /1 到 50/ },
    ];
    for (const { what, query, path, en, zh } of cases) {
      it(`refuses ${what} with 400 naming ${path}, in English and Chinese`, async () => {
        const english = await engine.request('GET', `/api/v1/search?${query}`);
        const [detail] = expectError(english, 400, 'validation_failed');
        expect(detail).to.include({ path });
        expect(detail!.message).to.match(en);
        const chinese = await engine.request('GET', `/api/v1/search?${query}`, undefined, { 'accept-language': 'zh-CN' });
        const [zhDetail] = expectError(chinese, 400, 'validation_failed');
        expect(zhDetail!.message).to.match(zh).and.match(/[\u4e00-\u9fff]/);
      });
    }

    it('needs a signed-in caller', async () => {
      expectError(await engine.request('GET', '/api/v1/search?q=lotus', undefined, { authorization: '' }), 401);
    });
  });
});
