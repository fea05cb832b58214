import { expect } from 'chai';
import { addTranslations } from '../../../engine/i18n/catalogue.js';
import { localize, namedLanguage, preferredLanguage, savedLanguage } from '../../../engine/i18n/language.js';
import { msg } from '../../../engine/i18n/message.js';

describe('languages: which one a request or a user names', () => {
  const headers: [string, string][] = [
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-CN', 'zh-TW'],
    ['ZH-hant-tw', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['en-GB', 'en'],
    ['fr-FR, zh-TW;q=0.7, en;q=0.5', 'zh-TW'],
    ['zh-CN;q=0.8, zh-TW;q=0.9', 'zh-TW'],
    ['zh-TW;q=0.8, zh-CN', 'zh-CN'],
    ['zh-TW, zh-CN', 'zh-TW'],
    ['zh-TW;q=0, en', 'en'],
    ['zhx, fr', 'en'],
    ['', 'en'],
  ];
  for (const [header, language] of headers) {
    it(`answers ${language} for Accept-Language '${header}'`, () => {
      expect(preferredLanguage(header)).to.equal(language);
    });
  }

  it('names no language for a header of languages it does not speak, so the user\'s saved one applies', () => {
    expect(namedLanguage('de, fr;q=0.8')).to.equal(undefined);
    expect(namedLanguage(undefined)).to.equal(undefined);
  });

  it('reads the language saved on a user record as a tag', () => {
    expect(savedLanguage('zh-TW')).to.equal('zh-TW');
    expect(savedLanguage('zh-CN')).to.equal('zh-CN');
    expect(savedLanguage('en')).to.equal('en');
    expect(savedLanguage('de')).to.equal(undefined);
    expect(savedLanguage(7)).to.equal(undefined);
  });
});

describe('languages: a text in the reader\'s language', () => {
  it('gives a zh-TW reader the zh-TW text where one is written, else the zh-CN one in Traditional characters', () => {
    expect(localize({ en: 'Deal', 'zh-CN': '商机', 'zh-TW': '案件' }, 'zh-TW')).to.equal('案件');
    expect(localize({ en: 'Customer name', 'zh-CN': '客户名称' }, 'zh-TW')).to.equal('客戶名稱');
    // Taiwan's words, not only its characters, as the studio shows them.
    expect(localize({ en: 'Default search', 'zh-CN': '默认搜索' }, 'zh-TW')).to.equal('預設搜尋');
    expect(localize({ en: 'Deal', 'zh-CN': '  ', 'zh-TW': ' ' }, 'zh-TW')).to.equal('Deal');
    expect(localize({}, 'zh-TW', 'deal')).to.equal('deal');
  });

  it('keeps zh-CN and English readers on their own texts, whatever zh-TW holds', () => {
    const text = { en: 'Deal', 'zh-CN': '商机', 'zh-TW': '案件' };
    expect(localize(text, 'zh-CN')).to.equal('商机');
    expect(localize(text, 'en')).to.equal('Deal');
  });

  it('renders a platform message for a zh-TW reader from the zh-CN catalogue, converted, with labels in Traditional', () => {
    const message = msg`There is no ${{ en: 'Deal', 'zh-CN': '商机' }} record with id '${'x1'}'.`;
    const traditional = message.render('zh-TW');
    const simplified = message.render('zh-CN');
    expect(simplified).to.include('商机').and.include('记录');
    expect(traditional).to.include('商機').and.include('記錄').and.include('x1');
    expect(traditional).to.not.match(/[机记录]/);
  });

  it('keeps a value a message names as it is: record values are never converted', () => {
    expect(msg`the file has no column '${'客户名称'}'`.render('zh-TW')).to.include('客户名称');
  });

  it('takes a pack\'s own zh-TW translation of its message over the conversion of its zh-CN one', () => {
    const template = 'The discount of this quote needs a manager (spec).';
    try {
      addTranslations('spec-pack', { 'zh-CN': { [template]: '此报价的折扣需要经理审批。' } });
      expect(msg`The discount of this quote needs a manager (spec).`.render('zh-TW')).to.equal('此報價的折扣需要經理審批。');
      addTranslations('spec-pack', { 'zh-CN': { [template]: '此报价的折扣需要经理审批。' }, 'zh-TW': { [template]: '此報價單的折扣須經主管核准。' } });
      expect(msg`The discount of this quote needs a manager (spec).`.render('zh-TW')).to.equal('此報價單的折扣須經主管核准。');
      expect(msg`The discount of this quote needs a manager (spec).`.render('zh-CN')).to.equal('此报价的折扣需要经理审批。');
    } finally {
      addTranslations('spec-pack', {});
    }
  });
});
