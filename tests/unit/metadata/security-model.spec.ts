import { expect } from 'chai';
import { Query } from 'mingo';
import { compileSnapshot, NO_DEFINITIONS, type Definitions } from '../../../engine/metadata/compile-snapshot.js';
import type { ErrorDetail } from '../../../engine/errors/index.js';
import type { GroupDefinition } from '../../../engine/schemas/generated/group.js';
import type { ObjectDefinition } from '../../../engine/schemas/generated/object.js';
import type { ObjectPermissions, PermissionSetDefinition } from '../../../engine/schemas/generated/permission-set.js';
import type { RoleDefinition } from '../../../engine/schemas/generated/role.js';
import type { SharingRuleDefinition } from '../../../engine/schemas/generated/sharing-rule.js';
import { fieldRights, objectRights } from '../../../engine/metadata/security/resolve-permission-sets.js';
import type { ObjectRights } from '../../../engine/metadata/security/resolved-security.js';
import { inEnglish } from '../../support/in-english.js';

/** deal: private, owns its records' access; deal_line: its detail; note: public read/write (the default). */
const OBJECTS: ObjectDefinition[] = [
  {
    name: 'deal',
    sharing: 'private',
    fields: [
      { name: 'region', type: 'text' },
      { name: 'amount', type: 'number' },
      { name: 'stage', type: 'picklist', values: ['open', 'won', 'lost'] },
    ],
  },
  { name: 'deal_line', fields: [{ name: 'deal', type: 'masterdetail', target: 'deal' }, { name: 'quantity', type: 'number' }] },
  { name: 'note', fields: [{ name: 'body', type: 'longtext' }] },
];

/** ceo ← vp_sales ← sales_manager ← sales_rep, and ceo ← service_agent. */
const HIERARCHY: RoleDefinition[] = [
  { name: 'ceo' },
  { name: 'vp_sales', reportsTo: 'ceo' },
  { name: 'sales_manager', reportsTo: 'vp_sales' },
  { name: 'sales_rep', reportsTo: 'sales_manager' },
  { name: 'service_agent', reportsTo: 'ceo' },
];

function compile(definitions: Partial<Definitions>) {
  const { snapshot, problems } = compileSnapshot(1, { ...NO_DEFINITIONS, object: OBJECTS, ...definitions });
  return { security: snapshot.security, problems: (key: string): ReturnType<typeof inEnglish<ErrorDetail>> | undefined => { const found = problems.get(key); return found && inEnglish(found); }, keys: [...problems.keys()] };
}

describe('security model: roles, permission sets, groups and sharing rules', () => {
  describe('role hierarchy', () => {
    const { security, keys } = compile({ role: HIERARCHY });

    it('compiles a well-formed hierarchy without problems', () => {
      expect(keys).to.deep.equal([]);
      expect(security.roles.get('sales_rep')!.reportsTo).to.equal('sales_manager');
      expect(security.roles.get('ceo')!.reportsTo).to.equal(null);
    });

    it('lists each role with every role above it, nearest first', () => {
      expect(security.roles.get('sales_rep')!.selfAndAbove).to.deep.equal(['sales_rep', 'sales_manager', 'vp_sales', 'ceo']);
      expect(security.roles.get('service_agent')!.selfAndAbove).to.deep.equal(['service_agent', 'ceo']);
      expect(security.roles.get('ceo')!.selfAndAbove).to.deep.equal(['ceo']);
    });

    it('gives each role every role below it, at any depth, and only those', () => {
      const below = (name: string) => [...security.roles.get(name)!.below].sort();
      expect(below('ceo')).to.deep.equal(['sales_manager', 'sales_rep', 'service_agent', 'vp_sales']);
      expect(below('vp_sales')).to.deep.equal(['sales_manager', 'sales_rep']);
      expect(below('sales_manager')).to.deep.equal(['sales_rep']);
      expect(below('sales_rep')).to.deep.equal([]);
      expect(below('service_agent')).to.deep.equal([]);
    });

    const broken: { name: string; roles: RoleDefinition[]; expected: Record<string, string> }[] = [
      {
        name: 'a circle of three, named from each role in it',
        roles: [{ name: 'a', reportsTo: 'b' }, { name: 'b', reportsTo: 'c' }, { name: 'c', reportsTo: 'a' }],
        expected: { a: 'a → b → c → a', b: 'b → c → a → b', c: 'c → a → b → c' },
      },
      { name: 'a role reporting to itself', roles: [{ name: 'loner', reportsTo: 'loner' }], expected: { loner: 'loner → loner' } },
      {
        name: 'a role hanging under a circle',
        roles: [{ name: 'a', reportsTo: 'b' }, { name: 'b', reportsTo: 'a' }, { name: 'under', reportsTo: 'a' }],
        expected: { a: 'a → b → a', b: 'b → a → b', under: 'under → a → b → a' },
      },
    ];
    for (const { name, roles, expected } of broken) {
      it(`refuses ${name}, with the path of the circle under /reportsTo`, () => {
        const result = compile({ role: roles });
        expect(result.keys.sort()).to.deep.equal(Object.keys(expected).map((role) => `role:${role}`).sort());
        for (const [role, circle] of Object.entries(expected)) {
          const [problem, ...more] = result.problems(`role:${role}`)!;
          expect(more).to.deep.equal([]);
          expect(problem!.path).to.equal('/reportsTo');
          expect(problem!.message).to.contain(circle);
          expect(result.security.roles.has(role)).to.equal(false);
        }
      });
    }

    it('refuses a reportsTo naming no role, and keeps the rest of the hierarchy', () => {
      const result = compile({ role: [...HIERARCHY, { name: 'orphan', reportsTo: 'nobody' }] });
      expect(result.problems('role:orphan')).to.deep.equal([{ path: '/reportsTo', message: "there is no role named 'nobody'" }]);
      expect(result.keys).to.deep.equal(['role:orphan']);
      expect(result.security.roles.has('sales_rep')).to.equal(true);
    });
  });

  describe('permission sets', () => {
    const NONE: ObjectRights = { create: false, read: false, edit: false, delete: false, viewAll: false, modifyAll: false };
    const implications: [granted: ObjectPermissions, rights: Partial<ObjectRights>][] = [
      [{}, {}],
      [{ read: true }, { read: true }],
      [{ create: true }, { create: true }],
      [{ edit: true }, { edit: true, read: true }],
      [{ delete: true }, { delete: true, edit: true, read: true }],
      [{ viewAll: true }, { viewAll: true, read: true }],
      [{ modifyAll: true }, { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true }],
      [{ read: false, modifyAll: true }, { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true }],
    ];
    for (const [granted, rights] of implications) {
      it(`grants ${JSON.stringify(granted)} as ${Object.keys(rights).join(', ') || 'nothing'}`, () => {
        expect(objectRights(granted)).to.deep.equal({ ...NONE, ...rights });
      });
    }

    it('lets a field edit imply its read, and a read alone stay a read', () => {
      expect(fieldRights({ edit: true })).to.deep.equal({ read: true, edit: true });
      expect(fieldRights({ read: true })).to.deep.equal({ read: true, edit: false });
      expect(fieldRights({})).to.deep.equal({ read: false, edit: false });
    });

    it('compiles the rights per object and field, and modify all data implies view all data', () => {
      const set: PermissionSetDefinition = {
        name: 'sales_user',
        system: { modifyAllData: true },
        objects: { deal: { delete: true }, note: { read: true } },
        fields: { deal: { amount: { edit: true }, region: { read: true } } },
      };
      const { security, keys } = compile({ permissionSet: [set] });
      expect(keys).to.deep.equal([]);
      const resolved = security.permissionSets.get('sales_user')!;
      expect(resolved.objects.get('deal')).to.deep.equal({ ...NONE, read: true, edit: true, delete: true });
      expect(resolved.objects.get('note')).to.deep.equal({ ...NONE, read: true });
      expect(resolved.fields.get('deal')!.get('amount')).to.deep.equal({ read: true, edit: true });
      expect(resolved.fields.get('deal')!.get('region')).to.deep.equal({ read: true, edit: false });
      expect(resolved.system).to.include({ modifyAllData: true, viewAllData: true, manageMetadata: false });
    });

    it('refuses objects and fields that do not exist, each with its path', () => {
      const set: PermissionSetDefinition = {
        name: 'confused',
        objects: { deal: { read: true }, ghost: { read: true } },
        fields: { deal: { amount: { read: true }, nope: { edit: true } }, phantom: { title: { read: true } } },
      };
      const result = compile({ permissionSet: [set] });
      expect(result.keys).to.deep.equal(['permissionSet:confused']);
      expect(result.problems('permissionSet:confused')).to.have.deep.members([
        { path: '/objects/ghost', message: "there is no object named 'ghost'" },
        { path: '/fields/deal/nope', message: "'nope' is not a field of deal" },
        { path: '/fields/phantom', message: "there is no object named 'phantom'" },
      ]);
      expect(result.security.permissionSets.has('confused')).to.equal(false);
    });
  });

  describe('groups', () => {
    it('expands rolesAndSubordinates to the role and every role below it, beside the roles named alone', () => {
      const group: GroupDefinition = { name: 'bid_committee', users: ['u1'], roles: ['service_agent'], rolesAndSubordinates: ['vp_sales'] };
      const { security, keys } = compile({ role: HIERARCHY, group: [group] });
      expect(keys).to.deep.equal([]);
      const resolved = security.groups.get('bid_committee')!;
      expect([...resolved.roles].sort()).to.deep.equal(['sales_manager', 'sales_rep', 'service_agent', 'vp_sales']);
      expect([...resolved.users]).to.deep.equal(['u1']);
    });

    it('refuses roles that do not exist, with the index of each', () => {
      const result = compile({ role: HIERARCHY, group: [{ name: 'lost', roles: ['ceo', 'ghost'], rolesAndSubordinates: ['phantom'] }] });
      expect(result.problems('group:lost')).to.deep.equal([
        { path: '/roles/1', message: "there is no role named 'ghost'" },
        { path: '/rolesAndSubordinates/0', message: "there is no role named 'phantom'" },
      ]);
    });
  });

  describe('sharing rules', () => {
    const groups: GroupDefinition[] = [{ name: 'bid_committee', roles: ['ceo'] }];
    // Through JSON, as a stored definition: `criteria: undefined` leaves the rule without criteria.
    const rule = (extra: Partial<SharingRuleDefinition>): SharingRuleDefinition =>
      JSON.parse(JSON.stringify({ name: 'apac_deals', object: 'deal', criteria: { region: 'APAC' }, sharedWith: { group: 'bid_committee' }, access: 'read', ...extra }));
    const compileRule = (extra: Partial<SharingRuleDefinition>) => compile({ role: HIERARCHY, group: groups, sharingRule: [rule(extra)] });

    it('compiles its criteria to a store filter that selects the records it shares', () => {
      const { security, keys } = compileRule({ criteria: { region: 'APAC', amount: { gte: 1000 }, stage: { in: ['open', 'won'] } } });
      expect(keys).to.deep.equal([]);
      const compiled = security.sharingRules.get('apac_deals')!;
      expect(compiled).to.include({ object: 'deal', sharedWith: 'g:bid_committee', ownedBy: null, access: 'read' });
      const matches = (record: Record<string, unknown>) => new Query(compiled.criteria!).test(record);
      expect(matches({ region: 'APAC', amount: 5000, stage: 'open' })).to.equal(true);
      expect(matches({ region: 'APAC', amount: 500, stage: 'open' })).to.equal(false);
      expect(matches({ region: 'EMEA', amount: 5000, stage: 'won' })).to.equal(false);
      expect(matches({ region: 'APAC', amount: 5000, stage: 'lost' })).to.equal(false);
      expect(security.rulesOf('deal').map((each) => each.name)).to.deep.equal(['apac_deals']);
      expect(security.rulesOf('note')).to.deep.equal([]);
    });

    it('shares by owner: the records of a role and its subordinates, with a role', () => {
      const { security, keys } = compileRule({ criteria: undefined, ownedBy: { roleAndSubordinates: 'sales_manager' }, sharedWith: { role: 'service_agent' }, access: 'edit' });
      expect(keys).to.deep.equal([]);
      expect(security.sharingRules.get('apac_deals')).to.include({ criteria: null, ownedBy: 'rs:sales_manager', sharedWith: 'r:service_agent', access: 'edit' });
    });

    const refused: { name: string; extra: Partial<SharingRuleDefinition>; expected: { path: string; message: RegExp }[] }[] = [
      {
        name: 'criteria naming an unknown field or a value of the wrong type, under /criteria',
        extra: { criteria: { nope: 'x', amount: { gte: 'a lot' } } },
        expected: [
          { path: '/criteria/nope', message: /is not a field of deal/ },
          { path: '/criteria/amount/gte', message: /number/ },
        ],
      },
      { name: 'criteria with an operator from outside the language', extra: { criteria: { $where: 'true' } }, expected: [{ path: '/criteria/$where', message: /not allowed/ }] },
      { name: 'a rule on the detail of a master-detail', extra: { object: 'deal_line', criteria: { quantity: 1 } }, expected: [{ path: '/object', message: /detail of deal.*share deal instead/ }] },
      { name: 'a rule on a public read/write object', extra: { object: 'note', criteria: { body: { isNull: false } } }, expected: [{ path: '/object', message: /public read\/write already/ }] },
      { name: 'a rule on an object that does not exist', extra: { object: 'ghost' }, expected: [{ path: '/object', message: /no object named 'ghost'/ }] },
      { name: 'sharing with a role that does not exist', extra: { sharedWith: { role: 'ghost' } }, expected: [{ path: '/sharedWith', message: /no role named 'ghost'/ }] },
      {
        name: 'sharing with the subordinates of a role that does not exist',
        extra: { sharedWith: { roleAndSubordinates: 'ghost' } },
        expected: [{ path: '/sharedWith', message: /no role named 'ghost'/ }],
      },
      { name: 'sharing with a group that does not exist', extra: { sharedWith: { group: 'ghost' } }, expected: [{ path: '/sharedWith', message: /no group named 'ghost'/ }] },
      {
        name: 'sharing the records owned by a group that does not exist',
        extra: { criteria: undefined, ownedBy: { group: 'ghost' } },
        expected: [{ path: '/ownedBy', message: /no group named 'ghost'/ }],
      },
    ];
    for (const { name, extra, expected } of refused) {
      it(`refuses ${name}`, () => {
        const result = compileRule(extra);
        expect(result.keys).to.deep.equal(['sharingRule:apac_deals']);
        const problems = result.problems('sharingRule:apac_deals')!;
        expect(problems.map((problem) => problem.path).sort()).to.deep.equal(expected.map((each) => each.path).sort());
        for (const { path, message } of expected) expect(problems.find((problem) => problem.path === path)!.message).to.match(message);
        expect(result.security.sharingRules.has('apac_deals')).to.equal(false);
      });
    }
  });
});
