import { expect } from 'chai';
import { threeWayMerge } from '../../../engine/packs/three-way-merge.js';

const field = (name: string, more: Record<string, unknown> = {}) => ({ name, type: 'text', ...more });

describe('packs: the three-way merge of a definition on upgrade', () => {
  const base = { name: 'lead', label: { en: 'Lead', 'zh-CN': '线索' }, fields: [field('company'), field('source', { type: 'picklist', values: ['web', 'phone'] })] };

  it('takes what only one side changed, member by member and field by field', () => {
    const ours = { ...base, label: { en: 'Prospect', 'zh-CN': '线索' } };
    const theirs = { ...base, fields: [field('company', { maxLength: 120 }), base.fields[1]] };
    const { merged, conflicts } = threeWayMerge(base, ours, theirs);
    expect(conflicts).to.deep.equal([]);
    expect(merged).to.deep.equal({ name: 'lead', label: { en: 'Prospect', 'zh-CN': '线索' }, fields: [field('company', { maxLength: 120 }), base.fields[1]] });
  });

  it('keeps a field the tenant added and one the pack added, each where it stood', () => {
    const ours = { ...base, fields: [...base.fields, field('wechat')] };
    const theirs = { ...base, fields: [base.fields[0], field('rating'), base.fields[1]] };
    const { merged, conflicts } = threeWayMerge(base, ours, theirs);
    expect(conflicts).to.deep.equal([]);
    expect((merged as typeof base).fields.map((one) => one.name)).to.deep.equal(['company', 'rating', 'source', 'wechat']);
  });

  it('reports a part both changed differently, keeps the tenant\'s value, and applies a resolution', () => {
    const ours = { ...base, label: { en: 'Prospect', 'zh-CN': '线索' } };
    const theirs = { ...base, label: { en: 'Sales lead', 'zh-CN': '线索' } };
    const { merged, conflicts } = threeWayMerge(base, ours, theirs);
    expect(conflicts).to.deep.equal([{ path: '/label/en', base: 'Lead', ours: 'Prospect', theirs: 'Sales lead' }]);
    expect(merged).to.deep.equal(ours);
    expect(threeWayMerge(base, ours, theirs, { '/label/en': 'theirs' }).merged).to.deep.equal(theirs);
    expect(threeWayMerge(base, ours, theirs, { '/label/en': 'ours' })).to.deep.equal({ merged: ours, conflicts: [] });
  });

  it('takes both sides\' identical change, and treats a list of plain values as one value', () => {
    const both = { ...base, fields: [base.fields[0], field('source', { type: 'picklist', values: ['web', 'phone', 'fair'] })] };
    expect(threeWayMerge(base, both, both)).to.deep.equal({ merged: both, conflicts: [] });
    const ours = { ...base, fields: [base.fields[0], field('source', { type: 'picklist', values: ['web', 'phone', 'mail'] })] };
    const { conflicts } = threeWayMerge(base, ours, both);
    expect(conflicts.map((conflict) => conflict.path)).to.deep.equal(['/fields/source/values']);
  });

  it('removes what the pack removed unless the tenant changed it, and keeps removed what the tenant removed unless the pack changed it', () => {
    const theirs = { ...base, fields: [base.fields[0]] };
    expect(threeWayMerge(base, base, theirs).merged).to.deep.equal(theirs);
    const changedByUs = { ...base, fields: [base.fields[0], field('source', { type: 'picklist', values: ['web'] })] };
    expect(threeWayMerge(base, changedByUs, theirs).conflicts.map((conflict) => conflict.path)).to.deep.equal(['/fields/source']);
    const removedByUs = { ...base, fields: [base.fields[0]] };
    expect(threeWayMerge(base, removedByUs, base).merged).to.deep.equal(removedByUs);
    const changedByThem = { ...base, fields: [base.fields[0], field('source', { type: 'picklist', values: ['web', 'phone', 'fair'] })] };
    const { merged, conflicts } = threeWayMerge(base, removedByUs, changedByThem);
    expect(conflicts.map((conflict) => conflict.path)).to.deep.equal(['/fields/source']);
    expect(merged).to.deep.equal(removedByUs);
  });

  it('escapes names in paths as JSON pointers do', () => {
    const { conflicts } = threeWayMerge({ 'a/b': 1 }, { 'a/b': 2 }, { 'a/b': 3 });
    expect(conflicts[0]!.path).to.equal('/a~1b');
  });
});
