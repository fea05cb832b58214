import { expect } from 'chai';
import { backfillFieldLabels, refusedFieldLabel } from '../../studio/src/app/list/backfill-progress';
import type { ObjectDefinition } from '../../studio/src/shared/metadata/object-definition';

const DEAL: ObjectDefinition = {
  name: 'deal',
  fields: [
    { name: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
    { name: 'notes', type: 'richtext', label: { en: 'Notes', 'zh-CN': '备注' } },
    { name: 'weighted', type: 'formula', label: { en: 'Weighted amount', 'zh-CN': '加权金额' } },
  ],
};

describe('backfill progress: the fields a backfill recomputes, by label', () => {
  it('names a formula, a converted amount and a plain text by their field, once each, in the language asked', () => {
    expect(backfillFieldLabels(DEAL, ['weighted', 'amount__corporate', '_text.notes', 'weighted'], 'en')).to.deep.equal(['Weighted amount', 'Amount', 'Notes']);
    expect(backfillFieldLabels(DEAL, ['weighted'], 'zh-CN')).to.deep.equal(['加权金额']);
  });

  it('falls back to the stored path when it names no field of the object', () => {
    expect(backfillFieldLabels(DEAL, ['gone', 'also_gone'], 'en')).to.deep.equal(['gone']);
  });

  it('reads the refused field from the detail path of a 409', () => {
    expect(refusedFieldLabel(DEAL, '/weighted', 'en')).to.equal('Weighted amount');
    expect(refusedFieldLabel(DEAL, '/_text.notes', 'zh-CN')).to.equal('备注');
    expect(refusedFieldLabel(DEAL, undefined, 'en')).to.equal('');
  });
});
