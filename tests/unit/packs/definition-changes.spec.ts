import { expect } from 'chai';
import { definitionChanges } from '../../../engine/packs/definition-changes.js';

describe('packs: what differs between two versions of a definition, part by part', () => {
  const lead = { name: 'lead', label: { en: 'Lead' }, fields: [{ name: 'company', type: 'text' }, { name: 'source', type: 'picklist', values: ['web', 'phone'] }] };

  it('finds nothing between equal definitions, whatever their key order', () => {
    expect(definitionChanges(lead, { fields: lead.fields, label: lead.label, name: 'lead' })).to.deep.equal([]);
  });

  const cases: { does: string; after: unknown; changes: unknown[] }[] = [
    { does: 'names a changed label by its path', after: { ...lead, label: { en: 'Prospect' } }, changes: [{ path: '/label/en', before: 'Lead', after: 'Prospect' }] },
    {
      does: 'names a field by its name, not its position, when another is added before it',
      after: { ...lead, fields: [{ name: 'wechat', type: 'text' }, lead.fields[0], { ...lead.fields[1], values: ['web'] }] },
      changes: [
        { path: '/fields/source/values', before: ['web', 'phone'], after: ['web'] },
        { path: '/fields/wechat', before: undefined, after: { name: 'wechat', type: 'text' } },
      ],
    },
    { does: 'reports a removed member with nothing after', after: { name: 'lead', fields: lead.fields }, changes: [{ path: '/label', before: { en: 'Lead' }, after: undefined }] },
    { does: 'escapes a key holding a slash', after: { ...lead, 'a/b': 1 }, changes: [{ path: '/a~1b', before: undefined, after: 1 }] },
  ];
  for (const { does, after, changes } of cases) {
    it(does, () => {
      expect(definitionChanges(lead, after)).to.deep.equal(changes);
    });
  }
});
