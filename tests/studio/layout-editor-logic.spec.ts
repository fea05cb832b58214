import { expect } from 'chai';
import { layoutDefinitionOf, layoutDraftOf, locate, moveSection, newSection, placeField, removeField, removeSection, setFlag, unplacedFields, type LayoutDraft } from '../../studio/src/app/setup/layouts/layout-draft';

const fieldsOf = (draft: LayoutDraft) => draft.sections.map((section) => section.fields.map((placed) => placed.field));

describe('web app: layout editor', () => {
  const layout = {
    name: 'request_layout',
    object: 'purchase_request',
    label: { en: 'Request' },
    sections: [
      { title: { en: 'Request', 'zh-CN': '申请' }, columns: 2 as const, fields: ['title', { field: 'amount', required: true }] },
      { title: { en: 'Approval' }, fields: ['status'] },
    ],
  };

  it('reads a layout and saves it back unchanged', () => {
    expect(layoutDefinitionOf(layoutDraftOf(layout))).to.deep.equal({ ...layout, sections: [layout.sections[0], { ...layout.sections[1], columns: 1 }] });
  });

  it('places a field from the palette, reorders it within its section and moves it to another, keeping its flags', () => {
    let draft = layoutDraftOf(layout);
    expect(unplacedFields(draft, ['title', 'amount', 'status', 'needed_by', 'supplier'])).to.deep.equal(['needed_by', 'supplier']);
    draft = placeField(draft, 'needed_by', 0, 1);
    expect(fieldsOf(draft)).to.deep.equal([['title', 'needed_by', 'amount'], ['status']]);
    draft = placeField(draft, 'amount', 0, 0);
    expect(fieldsOf(draft)).to.deep.equal([['amount', 'title', 'needed_by'], ['status']]);
    draft = placeField(draft, 'amount', 1, 99);
    expect(fieldsOf(draft)).to.deep.equal([['title', 'needed_by'], ['status', 'amount']]);
    expect(draft.sections[1]!.fields[1]).to.deep.equal({ field: 'amount', required: true, readOnly: false });
    expect(locate(draft, 'amount')).to.deep.equal({ section: 1, index: 1 });
    expect(locate(draft, 'supplier')).to.equal(undefined);
  });

  it('takes a field back to the palette, and a removed section gives its fields back', () => {
    let draft = removeField(layoutDraftOf(layout), 'title');
    expect(unplacedFields(draft, ['title', 'amount', 'status'])).to.deep.equal(['title']);
    draft = removeSection(draft, draft.sections[1]!.id);
    expect(unplacedFields(draft, ['title', 'amount', 'status'])).to.deep.equal(['title', 'status']);
  });

  it('marks a field read only on the layout, and saves it with its flags as an object', () => {
    const draft = setFlag(layoutDraftOf(layout), 'title', 'readOnly', true);
    expect(layoutDefinitionOf(draft).sections[0]!.fields).to.deep.equal([{ field: 'title', readOnly: true }, { field: 'amount', required: true }]);
  });

  it('moves sections, and leaves out a section without fields', () => {
    let draft = layoutDraftOf(layout);
    draft = moveSection(draft, draft.sections[1]!.id, -1);
    expect(fieldsOf(draft)).to.deep.equal([['status'], ['title', 'amount']]);
    expect(moveSection(draft, draft.sections[0]!.id, -1)).to.equal(draft);
    draft = { ...draft, sections: [...draft.sections, newSection('Empty')] };
    expect(layoutDefinitionOf(draft).sections).to.have.length(2);
  });
});
