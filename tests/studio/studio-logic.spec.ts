import { expect } from 'chai';
import { nextSort, listQuery, sortOrderOf } from '../../studio/src/app/list/list-query';
import { changedValues } from '../../studio/src/app/record/changed-values';
import { safeNext } from '../../studio/src/app/sign-in/safe-next';
import { errorSchemaOf } from '../../studio/src/shared/forms/error-schema';
import { browserLanguage } from '../../studio/src/shared/i18n/languages';
import { localize } from '../../studio/src/shared/i18n/localize';
import { loadTraditional } from '../../studio/src/shared/i18n/traditional';
import type { ObjectDefinition } from '../../studio/src/shared/metadata/object-definition';

const DEAL: ObjectDefinition = {
  name: 'deal',
  fields: [
    { name: 'name', type: 'text' },
    { name: 'amount', type: 'currency' },
    { name: 'account', type: 'lookup', target: 'account' },
    { name: 'email', type: 'email' },
  ],
};

describe('web app: the server\'s error details on form fields', () => {
  it('puts each detail on the field its JSON pointer names', () => {
    const mapped = errorSchemaOf([{ path: '/amount', message: 'must be a number' }, { path: '/name', message: 'is required' }, { path: '/amount', message: 'must be at least 0' }], ['name', 'amount']);
    expect(mapped.fields).to.deep.equal({ amount: { __errors: ['must be a number', 'must be at least 0'] }, name: { __errors: ['is required'] } });
    expect(mapped.general).to.deep.equal([]);
  });

  it('keeps what names no field of the form as a general message, with the field it names', () => {
    const mapped = errorSchemaOf([{ path: '', message: 'Closed deals need an amount' }, { path: '/owner_only', message: 'may not be set' }], ['name']);
    expect(mapped.fields).to.deep.equal({});
    expect(mapped.general).to.deep.equal(['Closed deals need an amount', 'owner_only: may not be set']);
  });

  it('reads a nested pointer by its first segment, escapes undone', () => {
    const mapped = errorSchemaOf([{ path: '/tags/2', message: 'is too long' }, { path: '/a~1b', message: 'odd' }], ['tags', 'a/b']);
    expect(mapped.fields).to.deep.equal({ tags: { __errors: ['is too long'] }, 'a/b': { __errors: ['odd'] } });
  });
});

describe('web app: list requests', () => {
  it('searches the text fields with contains, expands lookups, and asks for the total', () => {
    const query = listQuery(DEAL, DEAL.fields, { sort: '-amount', search: 'acme', size: 20, cursor: 'c1' }, [DEAL, { name: 'account', fields: [] }]);
    expect(query).to.deep.include({ limit: 20, total: true, sort: '-amount', cursor: 'c1', expand: 'account' });
    expect(JSON.parse(String(query.filter))).to.deep.equal({ or: [{ name: { contains: 'acme' } }, { email: { contains: 'acme' } }] });
  });

  it('sends no filter without a search', () => {
    expect(listQuery(DEAL, [], { sort: '', search: '', size: 50, cursor: undefined }, [DEAL]).filter).to.equal(undefined);
  });

  it('expands only the lookups whose parent object the user may read: the server refuses the others', () => {
    expect(listQuery(DEAL, DEAL.fields, { sort: '', search: '', size: 20, cursor: undefined }, [DEAL]).expand).to.equal(undefined);
  });

  it('turns column clicks into the sort parameter and back', () => {
    expect(nextSort('amount', 'descend')).to.equal('-amount');
    expect(nextSort('amount', 'ascend')).to.equal('amount');
    expect(nextSort('amount', null)).to.equal(undefined);
    expect(sortOrderOf('-amount', 'amount')).to.equal('descend');
    expect(sortOrderOf('amount', 'amount')).to.equal('ascend');
    expect(sortOrderOf('name', 'amount')).to.equal(null);
  });
});

describe('web app: saving and signing in', () => {
  it('sends only the changed fields, a cleared one as null', () => {
    const record = { _id: 'r1', name: 'Acme', amount: 10, stage: 'won' };
    expect(changedValues(record, { name: 'Acme', amount: 12, stage: undefined })).to.deep.equal({ amount: 12, stage: null });
  });

  for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example', '/sign-in?next=/x', null]) {
    it(`never sends the user off this app after sign-in (next=${String(next)})`, () => {
      expect(safeNext(next)).to.equal('/');
    });
  }

  it('goes back to a path of the app after sign-in', () => {
    expect(safeNext('/o/deal?sort=-amount')).to.equal('/o/deal?sort=-amount');
  });
});

describe('web app: languages', () => {
  it('derives 繁中 from the zh-CN label with OpenCC where no zh-TW label was written', async () => {
    await loadTraditional();
    expect(localize({ en: 'Deal', 'zh-CN': '商机' }, 'zh-TW')).to.equal('商機');
    // Taiwan's own words, not only its characters.
    expect(localize({ en: 'Default search', 'zh-CN': '默认搜索' }, 'zh-TW')).to.equal('預設搜尋');
    expect(localize({ en: 'Deal', 'zh-CN': '商机', 'zh-TW': '案件' }, 'zh-TW')).to.equal('案件');
    expect(localize({ en: 'Deal' }, 'zh-TW')).to.equal('Deal');
    expect(localize(undefined, 'zh-CN', 'deal')).to.equal('deal');
  });

  it('picks the browser\'s language among ENG, 简中 and 繁中', () => {
    expect(browserLanguage(['zh-TW', 'en'])).to.equal('zh-TW');
    expect(browserLanguage(['zh-HK'])).to.equal('zh-TW');
    expect(browserLanguage(['zh-Hant-TW'])).to.equal('zh-TW');
    expect(browserLanguage(['zh-CN'])).to.equal('zh-CN');
    expect(browserLanguage(['fr', 'en-GB'])).to.equal('en');
    expect(browserLanguage(['fr'])).to.equal('en');
  });
});
