import { expect } from 'chai';
import { declaredName, physicalName, planIndexes, toDescription, type ExistingIndex } from '../../../engine/store/mongodb/index-plan.js';
import type { IndexSpec } from '../../../engine/store/port.js';

const byEmail: IndexSpec = { name: 'unique_email', keys: { email: 1 }, unique: true };
const byAccount: IndexSpec = { name: 'ref_account', keys: { account: 1 } };

/** An index as listIndexes reports one the platform built from `spec`. */
const built = (spec: IndexSpec): ExistingIndex => {
  const description = toDescription(spec);
  return { name: description.name!, key: { ...spec.keys }, unique: description.unique === true, partialFilterExpression: description.partialFilterExpression };
};
const names = (plan: ReturnType<typeof planIndexes>) => ({ create: plan.create.map((index) => index.name), drop: plan.drop });

describe('the MongoDB adapter plans its indexes from the declared and the existing ones', () => {
  it('names its own indexes with a prefix, the declared name and a fingerprint, and reads the declared name back', () => {
    expect(physicalName(byEmail)).to.match(/^crm_unique_email_[0-9a-f]{8}$/);
    expect(declaredName(physicalName(byEmail))).to.equal('unique_email');
    expect(declaredName('email_1')).to.equal(undefined);
    expect(declaredName('crm_email')).to.equal(undefined);
  });

  it('gives a changed declaration (keys, their order, or uniqueness) a new name', () => {
    const variants: IndexSpec[] = [
      { ...byEmail, unique: false },
      { ...byEmail, keys: { email: -1 } },
      { ...byEmail, keys: { email: 1, tenant: 1 } },
      { ...byEmail, keys: { tenant: 1, email: 1 } },
    ];
    const all = [byEmail, ...variants].map(physicalName);
    expect(new Set(all).size).to.equal(all.length);
    expect(physicalName({ ...byEmail })).to.equal(physicalName(byEmail));
  });

  it('creates every declared index on an empty collection and drops nothing', () => {
    expect(names(planIndexes([byEmail, byAccount], []))).to.deep.equal({ create: [physicalName(byEmail), physicalName(byAccount)], drop: [] });
  });

  it('does nothing when the declared indexes exist as declared', () => {
    expect(names(planIndexes([byEmail, byAccount], [built(byEmail), built(byAccount)]))).to.deep.equal({ create: [], drop: [] });
  });

  it('never drops an index it did not create, even one on the same keys', () => {
    const dbas: ExistingIndex[] = [
      { name: 'email_1', key: { email: 1 } },
      { name: 'reporting', key: { stage: 1, amount: -1 } },
    ];
    expect(names(planIndexes([], [...dbas, built(byEmail)]))).to.deep.equal({ create: [], drop: [physicalName(byEmail)] });
    expect(names(planIndexes([byEmail], dbas))).to.deep.equal({ create: [physicalName(byEmail)], drop: [] });
  });

  it('builds a changed index under its new name and drops the old one only after it', () => {
    const nowUnique: IndexSpec = { name: 'ref_account', keys: { account: 1 }, unique: true };
    const plan = planIndexes([nowUnique], [built(byAccount)]);
    expect(names(plan)).to.deep.equal({ create: [physicalName(nowUnique)], drop: [physicalName(byAccount)] });
    expect(plan.create[0]).to.deep.include({ unique: true, partialFilterExpression: { account: { $exists: true } } });
  });

  it('drops the indexes it created that are no longer declared', () => {
    expect(names(planIndexes([byAccount], [built(byEmail), built(byAccount)]))).to.deep.equal({ create: [], drop: [physicalName(byEmail)] });
  });

  it('takes over an index built before names had a fingerprint: kept when it matches, replaced when it changed', () => {
    const legacy = { ...built(byEmail), name: 'unique_email' };
    expect(names(planIndexes([byEmail], [legacy]))).to.deep.equal({ create: [], drop: [] });
    const nonUnique: IndexSpec = { ...byEmail, unique: false };
    expect(names(planIndexes([nonUnique], [legacy]))).to.deep.equal({ create: [physicalName(nonUnique)], drop: ['unique_email'] });
  });

  it('reads key directions as numbers: a double 1.0 from the server matches 1', () => {
    const fromServer: ExistingIndex = { ...built(byAccount), key: { account: 1.0 } };
    expect(names(planIndexes([byAccount], [fromServer]))).to.deep.equal({ create: [], drop: [] });
  });
});
