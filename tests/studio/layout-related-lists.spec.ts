import { expect } from 'chai';
import { layoutDefinitionOf, layoutDraftOf } from '../../studio/src/app/setup/layouts/layout-draft';
import { addRelatedList, moveRelatedList, relatedCandidates, removeRelatedList, unusedCandidates } from '../../studio/src/app/setup/layouts/related-list-draft';
import type { ObjectDefinition } from '../../studio/src/shared/metadata/object-definition';

const OBJECTS: ObjectDefinition[] = [
  { name: 'account', fields: [{ name: 'name', type: 'text' }] },
  { name: 'contact', fields: [{ name: 'account', type: 'lookup', target: 'account' }, { name: 'email', type: 'email' }] },
  { name: 'deal', fields: [{ name: 'buyer', type: 'lookup', target: 'account' }, { name: 'seller', type: 'lookup', target: 'account' }, { name: 'owner_contact', type: 'lookup', target: 'contact' }] },
  { name: 'invoice_line', fields: [{ name: 'invoice', type: 'masterdetail', target: 'invoice' }] },
];

describe('web app: layout editor related lists', () => {
  it('offers every child field pointing at the object, lookups and master-detail, none pointing elsewhere', () => {
    expect(relatedCandidates('account', OBJECTS)).to.deep.equal([
      { object: 'contact', field: 'account' },
      { object: 'deal', field: 'buyer' },
      { object: 'deal', field: 'seller' },
    ]);
    expect(relatedCandidates('invoice', OBJECTS)).to.deep.equal([{ object: 'invoice_line', field: 'invoice' }]);
    expect(relatedCandidates('invoice_line', OBJECTS)).to.deep.equal([]);
  });

  it('adds a list with its field named, and no longer offers what a list already shows', () => {
    const candidates = relatedCandidates('account', OBJECTS);
    const lists = addRelatedList([], candidates[1]!);
    expect(lists).to.deep.equal([{ object: 'deal', field: 'buyer' }]);
    expect(unusedCandidates(lists, candidates)).to.deep.equal([candidates[0], candidates[2]]);
    // A list written without a field shows the child's only pointer: that candidate is used.
    expect(unusedCandidates([{ object: 'contact' }], candidates)).to.deep.equal([candidates[1], candidates[2]]);
  });

  it('moves a list up and down within bounds, and removes one', () => {
    const lists = [{ object: 'a' }, { object: 'b' }, { object: 'c' }];
    expect(moveRelatedList(lists, 2, -1).map((list) => list.object)).to.deep.equal(['a', 'c', 'b']);
    expect(moveRelatedList(lists, 0, 1).map((list) => list.object)).to.deep.equal(['b', 'a', 'c']);
    expect(moveRelatedList(lists, 0, -1).map((list) => list.object)).to.deep.equal(['a', 'b', 'c']);
    expect(moveRelatedList(lists, 2, 1).map((list) => list.object)).to.deep.equal(['a', 'b', 'c']);
    expect(removeRelatedList(lists, 1).map((list) => list.object)).to.deep.equal(['a', 'c']);
  });

  it('saves the lists in the order chosen, keeping columns and labels as written, and leaves out an empty set', () => {
    const written = { object: 'contact', columns: ['email'], label: { en: 'People', 'zh-CN': '联系人' } };
    const draft = layoutDraftOf({ name: 'account_layout', object: 'account', sections: [{ fields: ['name'] }], relatedLists: [written] });
    const reordered = { ...draft, relatedLists: addRelatedList(draft.relatedLists, { object: 'deal', field: 'seller' }).reverse() };
    expect(layoutDefinitionOf(reordered).relatedLists).to.deep.equal([{ object: 'deal', field: 'seller' }, written]);
    expect(layoutDefinitionOf({ ...draft, relatedLists: [] })).to.not.have.property('relatedLists');
  });
});
