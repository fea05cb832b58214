import { expect } from 'chai';
import { ConflictError, ValidationError } from '../../../engine/errors/index.js';
import { definePackKind, type PackKindDeclaration } from '../../../engine/metadata/pack-kinds/index.js';
import { kindsWith, packKindsOf } from '../../../engine/packs/pack-kinds.js';

const SCHEMA = { type: 'object', properties: { name: { type: 'string' }, hours: { type: 'number' } }, additionalProperties: false };
const GOOD: PackKindDeclaration = { label: { en: 'SLA policy' }, plural: 'slaPolicies', schema: SCHEMA };

function problemsOf(kind: string, declaration: unknown): { path: string; message: string }[] {
  try {
    definePackKind('sla-desk', kind, declaration as PackKindDeclaration);
  } catch (error) {
    if (error instanceof ValidationError) return error.details.map((detail) => ({ path: detail.path, message: String(detail.message) }));
    throw error;
  }
  return [];
}

describe('a pack\'s kind of metadata (metadata/pack-kinds/)', () => {
  it('derives its path, its folder, its OpenAPI names and its schema\'s title from its name and plural', () => {
    const kind = definePackKind('sla-desk', 'slaPolicy', GOOD);
    expect([kind.path, kind.componentPrefix, kind.schema.title, kind.api.docs.one, kind.api.docs.many, kind.inPacks]).to.deep.equal(['sla-policies', 'SlaPolicy', 'SlaPolicyDefinition', 'SlaPolicy', 'SlaPolicies', true]);
    expect(String(kind.noun)).to.equal('SLA policy');
  });

  it('checks definitions with the pack\'s schema, and their names as API names whatever the schema says', () => {
    const kind = definePackKind('sla-desk', 'slaPolicy', GOOD);
    expect(kind.validate({ name: 'gold', hours: 4 })).to.equal(true);
    expect(kind.validate({ name: 'Gold Plus', hours: 4 })).to.equal(false);
    expect(kind.validate({ hours: 4 })).to.equal(false);
    expect(kind.validate({ name: 'gold', hours: 'four' })).to.equal(false);
  });

  const refusals: [string, string, unknown, string][] = [
    ['a name not in camelCase', 'sla_policy', GOOD, '/kinds/sla_policy'],
    ['a kind the platform has', 'role', { ...GOOD, plural: 'packRoles' }, '/kinds/role'],
    ['a plural whose path the metadata API has', 'slaPolicy', { ...GOOD, plural: 'history' }, '/kinds/slaPolicy/plural'],
    ['a plural whose path is a kind of the platform\'s', 'slaPolicy', { ...GOOD, plural: 'permissionSets' }, '/kinds/slaPolicy/plural'],
    ['no English label', 'slaPolicy', { ...GOOD, label: { 'zh-CN': 'SLA 策略' } }, '/kinds/slaPolicy/label/en'],
    ['a schema ajv refuses', 'slaPolicy', { ...GOOD, schema: { type: 'object', properties: { hours: { type: 'amount' } } } }, '/kinds/slaPolicy/schema'],
    ['a check that is not a function', 'slaPolicy', { ...GOOD, check: 'roles exist' }, '/kinds/slaPolicy/check'],
  ];
  for (const [what, kind, declaration, path] of refusals) {
    it(`refuses ${what}, at ${path}`, () => {
      expect(problemsOf(kind, declaration).map((problem) => problem.path)).to.deep.equal([path]);
    });
  }

  it('refuses a pack\'s code whose kinds cannot be used, every problem at once', () => {
    expect(() => packKindsOf('sla-desk', { kinds: { slaPolicy: { ...GOOD, plural: 'history' }, other_kind: GOOD } }))
      .to.throw(ValidationError)
      .with.property('details')
      .that.has.length(2);
  });

  it('refuses a kind another pack installed in the tenant adds (by name or by path), and replaces the pack\'s own earlier kinds', () => {
    const installed = kindsWith(new Map(), 'sla-desk', packKindsOf('sla-desk', { kinds: { slaPolicy: GOOD } }));
    const clash = packKindsOf('service-desk', { kinds: { serviceLevel: { ...GOOD, plural: 'slaPolicies' } } });
    expect(() => kindsWith(installed, 'service-desk', clash)).to.throw(ConflictError).with.property('code', 'pack_kind_taken');
    const upgraded = kindsWith(installed, 'sla-desk', packKindsOf('sla-desk', { kinds: { slaTarget: { ...GOOD, plural: 'slaTargets' } } }));
    expect([...upgraded.keys()]).to.deep.equal(['slaTarget']);
    expect([...kindsWith(installed, 'sla-desk', new Map()).keys()]).to.deep.equal([]);
  });
});
