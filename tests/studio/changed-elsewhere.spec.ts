import { expect } from 'chai';
import { sameJson } from '../../studio/src/app/setup/changed-elsewhere';

describe('web app: telling whether a part of a definition changed since it was opened', () => {
  it('sees the same rule in another key order, or with an absent property written as undefined', () => {
    expect(sameJson({ name: 'r', condition: 'a > 1', message: { en: 'x', 'zh-CN': 'y' } }, { message: { 'zh-CN': 'y', en: 'x' }, condition: 'a > 1', name: 'r' })).to.equal(true);
    expect(sameJson({ name: 'r', field: undefined }, { name: 'r' })).to.equal(true);
    expect(sameJson(undefined, undefined)).to.equal(true);
  });

  it('sees a changed value, an added property, a reordered list and a rule that went', () => {
    expect(sameJson({ condition: 'a > 1' }, { condition: 'a > 2' })).to.equal(false);
    expect(sameJson({ name: 'r' }, { name: 'r', active: false })).to.equal(false);
    expect(sameJson(['a', 'b'], ['b', 'a'])).to.equal(false);
    expect(sameJson({ name: 'r' }, undefined)).to.equal(false);
    expect(sameJson(1, '1')).to.equal(false);
  });
});
