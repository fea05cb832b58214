import { expect } from 'chai';
import { CATALOGUES } from '../../../engine/i18n/catalogue.js';
import { inSentence, msg, renderText, templateOf } from '../../../engine/i18n/message.js';

describe('messages', () => {
  it('renders in English by default and keys the catalogue by the English template', () => {
    const message = msg`The request body is larger than the ${1024} bytes allowed.`;
    expect(message.template).to.equal('The request body is larger than the {0} bytes allowed.');
    expect(String(message)).to.equal('The request body is larger than the 1024 bytes allowed.');
    expect(JSON.stringify({ message })).to.equal('{"message":"The request body is larger than the 1024 bytes allowed."}');
  });

  it('renders in Chinese from the catalogue, with nested messages and labels in the same language', () => {
    const detail = msg`is not valid JSON`;
    const label = { en: 'Deal', 'zh-CN': '商机' };
    const message = msg`The input ${detail}${label}.`;
    expect(message.render('zh-CN')).to.equal(`输入${CATALOGUES['zh-CN']['is not valid JSON']}商机。`);
    expect(message.render('en')).to.equal('The input is not valid JSONDeal.');
  });

  it('keeps a plain string as it is, in every language', () => {
    expect(renderText('Amount must be positive', 'zh-CN')).to.equal('Amount must be positive');
  });

  it('builds the same key from literal parts as the scanner does', () => {
    expect(templateOf(['a ', ' b ', ''])).to.equal('a {0} b {1}');
  });
});

describe('labels inside an English sentence', () => {
  it('lowercases capitalised words and keeps acronyms and inner capitals, in English only', () => {
    expect(inSentence({ en: 'Purchase Request', 'zh-CN': '采购申请' })).to.deep.equal({ en: 'purchase request', 'zh-CN': '采购申请' });
    expect(inSentence({ en: 'Proof purchase request EN' }).en).to.equal('proof purchase request EN');
    expect(inSentence({ en: 'CRM Account' }).en).to.equal('CRM account');
    expect(inSentence({ en: 'iPhone Order' }).en).to.equal('iPhone order');
    expect(inSentence({ en: "Customer's Deal" }).en).to.equal("customer's deal");
    expect(inSentence({ 'zh-CN': '商机' })).to.deep.equal({ 'zh-CN': '商机' });
  });
});
