import { expect } from 'chai';
import { defineObject, detailPaths, expectError, metadataVersion } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { expectDocumented, fetchDoc, schemaValidator } from '../support/openapi-fixtures.js';
import { defineSetup, GROUPS, META, ROLES, RULES, SETS, type Definition } from '../support/security-setup.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const PASSWORD = 'an ordinary user password';

interface KindCase {
  kind: string;
  path: string;
  /** The list's property in GET <path>. */
  list: string;
  definition: Definition;
  /** A different definition under the same name, for PUT. */
  replacement: Definition;
}

/** One valid definition and one replacement of each kind; `top` is a role defined before them. */
const KINDS: KindCase[] = [
  {
    kind: 'role',
    path: ROLES,
    list: 'roles',
    definition: { name: 'regional_manager', label: { en: 'Regional manager', 'zh-CN': '区域经理' }, reportsTo: 'top' },
    replacement: { name: 'regional_manager', description: 'Runs one region.', reportsTo: 'top' },
  },
  {
    kind: 'group',
    path: GROUPS,
    list: 'groups',
    definition: { name: 'crm_team', label: { en: 'CRM team' }, roles: ['top'] },
    replacement: { name: 'crm_team', rolesAndSubordinates: ['top'], users: ['0123456789abcdef01234567'] },
  },
  {
    kind: 'permission set',
    path: SETS,
    list: 'permissionSets',
    definition: { name: 'deal_reader', objects: { deal: { read: true } } },
    replacement: { name: 'deal_reader', label: { en: 'Deal editor' }, objects: { deal: { edit: true } }, fields: { deal: { amount: { read: true } } } },
  },
  {
    kind: 'sharing rule',
    path: RULES,
    list: 'sharingRules',
    definition: { name: 'apac_deals', object: 'deal', criteria: { region: 'APAC' }, sharedWith: { role: 'top' }, access: 'read' },
    replacement: { name: 'apac_deals', object: 'deal', criteria: { amount: { gte: 1000 } }, sharedWith: { roleAndSubordinates: 'top' }, access: 'edit' },
  },
];

describe('metadata API: roles, groups, permission sets and sharing rules', () => {
  let engine: TestEngine;

  const define = (path: string, definition: Definition) => defineSetup(engine, path, definition);
  const names = async (path: string, list: string): Promise<string[]> => {
    const response = await engine.request('GET', path);
    expect(response.status).to.equal(200);
    return (response.body[list] as Definition[]).map((definition) => definition.name).sort();
  };

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'deal', sharing: 'private', fields: [{ name: 'region', type: 'text' }, { name: 'amount', type: 'number' }] });
    await defineObject(engine, { name: 'deal_line', fields: [{ name: 'deal', type: 'masterdetail', target: 'deal' }, { name: 'quantity', type: 'number' }] });
    await defineObject(engine, { name: 'note', fields: [{ name: 'body', type: 'longtext' }] });
    await define(ROLES, { name: 'top', label: { en: 'Top' } });
  });
  after(() => engine.stop());

  for (const { kind, path, list, definition, replacement } of KINDS) {
    it(`creates, reads, lists, replaces and deletes a ${kind}, bumping the version each time`, async () => {
      const start = await metadataVersion(engine);
      const created = await engine.request('POST', path, definition);
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.headers.get('location')).to.equal(`${path}/${definition.name}`);
      expect(created.body).to.deep.equal({ definition, version: start + 1, etag: created.headers.get('etag') });
      const read = await engine.request('GET', `${path}/${definition.name}`);
      expect(read.body).to.deep.equal({ definition, version: start + 1, etag: read.headers.get('etag') });
      expect(await names(path, list)).to.include(definition.name);

      const replaced = await engine.request('PUT', `${path}/${definition.name}`, replacement);
      expect(replaced.status, JSON.stringify(replaced.body)).to.equal(200);
      expect(replaced.body).to.deep.equal({ definition: replacement, version: start + 2, etag: replaced.headers.get('etag') });
      expect((await engine.request('GET', `${path}/${definition.name}`)).body.definition).to.deep.equal(replacement);

      const deleted = await engine.request('DELETE', `${path}/${definition.name}`);
      expect(deleted.status, JSON.stringify(deleted.body)).to.equal(200);
      expect(deleted.body).to.deep.equal({ version: start + 3 });
      expectError(await engine.request('GET', `${path}/${definition.name}`), 404, 'not_found');
      expect(await names(path, list)).to.not.include(definition.name);
    });

    it(`answers 404 for a ${kind} that does not exist, on get, replace and delete`, async () => {
      for (const [method, body] of [['GET'], ['PUT', { ...definition, name: 'ghost' }], ['DELETE']] as const) {
        const response = await engine.request(method, `${path}/ghost`, body);
        expectError(response, 404, 'not_found');
        expect(response.body.error.message).to.equal(`There is no ${kind} named 'ghost'.`);
      }
    });

    it(`refuses a ${kind} name that is taken with 409, on create and on rename`, async () => {
      await define(path, definition);
      await define(path, { ...definition, name: 'second_one' });
      const version = await metadataVersion(engine);
      const duplicate = await engine.request('POST', path, definition);
      expectError(duplicate, 409, 'already_exists');
      expect(detailPaths(duplicate)).to.deep.equal(['/name']);
      expect(duplicate.body.error.message).to.equal(`A ${kind} named '${definition.name}' already exists.`);
      expectError(await engine.request('PUT', `${path}/second_one`, definition), 409, 'already_exists');
      expect(await metadataVersion(engine)).to.equal(version);

      const renamed = await engine.request('PUT', `${path}/second_one`, { ...definition, name: 'third_one' });
      expect(renamed.status, JSON.stringify(renamed.body)).to.equal(200);
      expectError(await engine.request('GET', `${path}/second_one`), 404, 'not_found');
      for (const name of [definition.name, 'third_one']) expect((await engine.request('DELETE', `${path}/${name}`)).status).to.equal(200);
    });
  }

  it('lists the core permission sets, and the sharing rules of one object with ?object=', async () => {
    expect(await names(SETS, 'permissionSets')).to.include.members(['admin', 'standard_user']);
    await define(RULES, { name: 'big_deals', object: 'deal', criteria: { amount: { gte: 100000 } }, sharedWith: { role: 'top' }, access: 'read' });
    expect(await names(`${RULES}?object=deal`, 'sharingRules')).to.deep.equal(['big_deals']);
    expect(await names(`${RULES}?object=note`, 'sharingRules')).to.deep.equal([]);
    expect(await names(RULES, 'sharingRules')).to.deep.equal(['big_deals']);
    expect((await engine.request('DELETE', `${RULES}/big_deals`)).status).to.equal(200);
  });

  describe('refuses a definition with problems with 400, the path of each problem, and changes nothing', () => {
    const cases: { name: string; path: string; body: unknown; paths: string[]; message?: string }[] = [
      { name: 'a role with a bad name and an unknown property', path: ROLES, body: { name: 'Bad Name', reports_to: 'top' }, paths: ['/name', '/reports_to'] },
      { name: 'a role reporting to itself', path: ROLES, body: { name: 'loner', reportsTo: 'loner' }, paths: ['/reportsTo'], message: 'loner → loner' },
      { name: 'a role reporting to no role', path: ROLES, body: { name: 'orphan', reportsTo: 'nobody' }, paths: ['/reportsTo'], message: "no role named 'nobody'" },
      { name: 'a group of unknown roles', path: GROUPS, body: { name: 'lost', roles: ['top', 'ghost'], rolesAndSubordinates: ['phantom'] }, paths: ['/roles/1', '/rolesAndSubordinates/0'] },
      {
        name: 'a permission set naming an unknown object and field',
        path: SETS,
        body: { name: 'confused', objects: { ghost: { read: true } }, fields: { deal: { nope: { read: true } } } },
        paths: ['/fields/deal/nope', '/objects/ghost'],
      },
      { name: 'a permission set with a right that is not true or false', path: SETS, body: { name: 'vague', objects: { deal: { read: 'yes' } } }, paths: ['/objects/deal/read'] },
      {
        name: 'a sharing rule with bad criteria',
        path: RULES,
        body: { name: 'bad_criteria', object: 'deal', criteria: { nope: 'x', amount: { gte: 'a lot' } }, sharedWith: { role: 'top' }, access: 'read' },
        paths: ['/criteria/amount/gte', '/criteria/nope'],
      },
      {
        name: 'a sharing rule on the detail of a master-detail',
        path: RULES,
        body: { name: 'line_rule', object: 'deal_line', criteria: { quantity: 1 }, sharedWith: { role: 'top' }, access: 'read' },
        paths: ['/object'],
        message: 'share deal instead',
      },
      {
        name: 'a sharing rule on a public read/write object',
        path: RULES,
        body: { name: 'note_rule', object: 'note', criteria: { body: { isNull: false } }, sharedWith: { role: 'top' }, access: 'read' },
        paths: ['/object'],
        message: 'public read/write already',
      },
      {
        name: 'a sharing rule with an unknown group',
        path: RULES,
        body: { name: 'ghost_rule', object: 'deal', criteria: { region: 'EMEA' }, sharedWith: { group: 'ghost' }, access: 'edit' },
        paths: ['/sharedWith'],
      },
    ];
    for (const { name, path, body, paths, message } of cases) {
      it(name, async () => {
        const version = await metadataVersion(engine);
        const response = await engine.request('POST', path, body);
        expectError(response, 400, 'validation_failed');
        expect(detailPaths(response)).to.deep.equal(paths);
        if (message) expect(response.body.error.message).to.contain(message);
        expect(await metadataVersion(engine)).to.equal(version);
      });
    }

    it('a change that would close a circle in the hierarchy, naming it', async () => {
      await define(ROLES, { name: 'circle_a', reportsTo: 'top' });
      await define(ROLES, { name: 'circle_b', reportsTo: 'circle_a' });
      const response = await engine.request('PUT', `${ROLES}/circle_a`, { name: 'circle_a', reportsTo: 'circle_b' });
      expectError(response, 400, 'validation_failed');
      expect(response.body.error.details).to.deep.equal([{ path: '/reportsTo', message: 'the hierarchy would go round in a circle: circle_a → circle_b → circle_a' }]);
      expect((await engine.request('GET', `${ROLES}/circle_a`)).body.definition).to.deep.equal({ name: 'circle_a', reportsTo: 'top' });
    });
  });

  describe('refuses every write of a user without the manage-metadata right with 403, changing nothing', () => {
    let token: string;
    let version: number;
    const sam = (method: string, path: string, body?: unknown) => engine.request(method, path, body, bearer(token));
    before(async () => {
      await createUser(engine, { full_name: 'Sam Seller', email: 'sam@example.com', permission_sets: ['standard_user'] }, PASSWORD);
      token = await tokenFor(engine, 'sam@example.com', PASSWORD);
      await define(GROUPS, { name: 'sam_group', roles: ['top'] });
      await define(RULES, { name: 'sam_rule', object: 'deal', criteria: { region: 'APAC' }, sharedWith: { role: 'top' }, access: 'read' });
      version = await metadataVersion(engine);
    });

    const writes: [method: string, path: string, body?: unknown][] = [
      ['POST', ROLES, { name: 'sam_role' }],
      ['PUT', `${ROLES}/top`, { name: 'top', reportsTo: 'top' }],
      ['DELETE', `${ROLES}/top`],
      ['POST', GROUPS, { name: 'sam_group_two' }],
      ['PUT', `${GROUPS}/sam_group`, { name: 'sam_group', users: ['someone'] }],
      ['DELETE', `${GROUPS}/sam_group`],
      ['POST', SETS, { name: 'sam_power', system: { manageMetadata: true } }],
      ['PUT', `${SETS}/standard_user`, { name: 'standard_user', system: { manageMetadata: true, manageUsers: true } }],
      ['DELETE', `${SETS}/standard_user`],
      ['POST', RULES, { name: 'sam_rule_two', object: 'deal', criteria: { region: 'EMEA' }, sharedWith: { role: 'top' }, access: 'edit' }],
      ['PUT', `${RULES}/sam_rule`, { name: 'sam_rule', object: 'deal', criteria: { region: 'APAC' }, sharedWith: { role: 'top' }, access: 'edit' }],
      ['DELETE', `${RULES}/sam_rule`],
    ];
    for (const [method, path, body] of writes) {
      it(`${method} ${path} → 403`, async () => {
        expectError(await sam(method, path, body), 403, 'forbidden');
      });
    }

    it('left the metadata as it was, and may not read this setup either', async () => {
      expect(await metadataVersion(engine)).to.equal(version);
      for (const path of [ROLES, GROUPS, SETS, RULES, `${SETS}/standard_user`]) expectError(await sam('GET', path), 403, 'forbidden');
    });
  });

  it('records every change in the metadata history and the audit log, with who made it', async () => {
    const start = await metadataVersion(engine);
    await define(ROLES, { name: 'audited' });
    expect((await engine.request('PUT', `${ROLES}/audited`, { name: 'audited', label: { en: 'Audited' } })).status).to.equal(200);
    expect((await engine.request('DELETE', `${ROLES}/audited`)).status).to.equal(200);
    await define(SETS, { name: 'audited_set' });
    expectError(await engine.request('DELETE', `${SETS}/admin`), 409, 'required_by_platform');

    const history = (await engine.request('GET', `${META}/history?limit=4`)).body.entries as Record<string, unknown>[];
    expect(history.map(({ version, kind, name, action, by }) => ({ version, kind, name, action, by }))).to.deep.equal([
      { version: start + 4, kind: 'permissionSet', name: 'audited_set', action: 'permissionSet.create', by: engine.adminId },
      { version: start + 3, kind: 'role', name: 'audited', action: 'role.delete', by: engine.adminId },
      { version: start + 2, kind: 'role', name: 'audited', action: 'role.update', by: engine.adminId },
      { version: start + 1, kind: 'role', name: 'audited', action: 'role.create', by: engine.adminId },
    ]);
    expect(history[1]).to.deep.include({ before: { name: 'audited', label: { en: 'Audited' } }, after: null });
    expect(history[2]).to.deep.include({ before: { name: 'audited' }, after: { name: 'audited', label: { en: 'Audited' } } });

    const audit = async (object: string) => ((await engine.request('GET', `/api/v1/audit?object=${object}`)).body.entries as Record<string, unknown>[]).map(({ action, actor, version }) => ({ action, actor, version }));
    expect(await audit('role:audited')).to.deep.equal([
      { action: 'metadata.role.delete', actor: engine.adminId, version: start + 3 },
      { action: 'metadata.role.update', actor: engine.adminId, version: start + 2 },
      { action: 'metadata.role.create', actor: engine.adminId, version: start + 1 },
    ]);
    expect(await audit('permissionSet:audited_set')).to.deep.equal([{ action: 'metadata.permissionSet.create', actor: engine.adminId, version: start + 4 }]);
    expect((await audit('permissionSet:admin')).map((entry) => entry.action)).to.not.include('metadata.permissionSet.delete');
    expect((await engine.request('DELETE', `${SETS}/audited_set`)).status).to.equal(200);
  });

  it('answers as the OpenAPI document describes, history included', async () => {
    const doc = await fetchDoc(engine);
    const is = (method: string, path: string, response: TestResponse, status: number) => expectDocumented(doc, method, path, response, status);
    const rule = { name: 'documented', object: 'deal', ownedBy: { role: 'top' }, sharedWith: { role: 'top' }, access: 'read' };
    is('post', `${RULES}`, await engine.request('POST', RULES, rule), 201);
    is('get', `${RULES}`, await engine.request('GET', `${RULES}?object=deal`), 200);
    is('get', `${RULES}/{name}`, await engine.request('GET', `${RULES}/documented`), 200);
    is('put', `${RULES}/{name}`, await engine.request('PUT', `${RULES}/documented`, { ...rule, access: 'edit' }), 200);
    is('post', `${RULES}`, await engine.request('POST', RULES, rule), 409);
    is('delete', `${RULES}/{name}`, await engine.request('DELETE', `${RULES}/documented`), 200);
    is('post', `${ROLES}`, await engine.request('POST', ROLES, { name: 'documented' }), 201);
    is('get', `${ROLES}`, await engine.request('GET', ROLES), 200);
    is('put', `${ROLES}/{name}`, await engine.request('PUT', `${ROLES}/documented`, { name: 'documented', reportsTo: 'documented' }), 400);
    await define(ROLES, { name: 'documented_below', reportsTo: 'documented' });
    is('delete', `${ROLES}/{name}`, await engine.request('DELETE', `${ROLES}/documented`), 409);
    is('delete', `${ROLES}/{name}`, await engine.request('DELETE', `${ROLES}/documented_below`), 200);
    is('delete', `${ROLES}/{name}`, await engine.request('DELETE', `${ROLES}/documented`), 200);
    is('get', `${GROUPS}`, await engine.request('GET', GROUPS), 200);
    is('get', `${GROUPS}/{name}`, await engine.request('GET', `${GROUPS}/nope`), 404);
    is('get', `${SETS}`, await engine.request('GET', SETS), 200);
    is('get', `${SETS}/{name}`, await engine.request('GET', `${SETS}/admin`), 200);
    is('delete', `${SETS}/{name}`, await engine.request('DELETE', `${SETS}/admin`), 409);
    const history = await engine.request('GET', `${META}/history?limit=200`);
    is('get', `${META}/history`, history, 200);
    expect(schemaValidator(doc, 'MetadataHistory')(history.body)).to.equal(true);
  });
});
