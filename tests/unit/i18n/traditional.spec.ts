import { expect } from 'chai';
import { hasChineseCharacters, toTraditional } from '../../../engine/i18n/traditional.js';

describe('Traditional Chinese from Simplified', () => {
  it('gives Taiwan\'s characters and words', () => {
    expect(toTraditional('客户名称')).to.equal('客戶名稱');
    expect(toTraditional('为必填项')).to.equal('為必填項');
    expect(toTraditional('默认搜索')).to.equal('預設搜尋');
  });

  it('leaves a text without Chinese characters as it is, and answers the same text the same twice', () => {
    expect(toTraditional('Deal 42')).to.equal('Deal 42');
    expect(hasChineseCharacters('Deal 42')).to.equal(false);
    expect(hasChineseCharacters('商机 42')).to.equal(true);
    expect(toTraditional('商机')).to.equal(toTraditional('商机'));
  });
});
