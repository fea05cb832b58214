import { expect } from 'chai';
import { completionCandidates, completionsAt, parentObjectsToLoad, type CompletionField } from '../../studio/src/app/setup/expressions/expression-completions';
import { errorRange } from '../../studio/src/app/setup/expressions/expression-error-range';
import { tokenizeExpression } from '../../studio/src/app/setup/expressions/expression-tokens';

const MODEL: Record<string, readonly CompletionField[]> = {
  deal: [
    { name: 'amount', type: 'currency', label: 'Amount' },
    { name: 'account', type: 'lookup', target: 'account' },
  ],
  account: [
    { name: 'industry', type: 'text', label: 'Industry' },
    { name: 'parent', type: 'lookup', target: 'account' },
    { name: 'owner', type: 'lookup', target: 'user' },
  ],
  user: [{ name: 'name', type: 'text' }, { name: 'manager', type: 'lookup', target: 'user' }],
};
const fieldsOf = (object: string) => MODEL[object];

describe('web app: expression editor logic', () => {
  describe('tokenizer', () => {
    const kinds = (source: string) => tokenizeExpression(source).filter((token) => token.kind !== 'space').map((token) => [token.kind, source.slice(token.from, token.to)]);

    it('tells names, operators, numbers, strings, keywords, functions and variables apart', () => {
      expect(kinds('$sum(amount) > 1.5e3 and account.industry != "it\\"s"')).to.deep.equal([
        ['function', '$sum'], ['punctuation', '('], ['name', 'amount'], ['punctuation', ')'], ['operator', '>'], ['number', '1.5e3'],
        ['keyword', 'and'], ['name', 'account'], ['operator', '.'], ['name', 'industry'], ['operator', '!='], ['string', '"it\\"s"'],
      ]);
      expect(kinds('$x := /* why */ `my field`')).to.deep.equal([['variable', '$x'], ['operator', ':='], ['comment', '/* why */'], ['name', '`my field`']]);
    });

    it('covers the source end to end, an unclosed string and a stray character included', () => {
      const source = 'a ~ "open';
      const tokens = tokenizeExpression(source);
      expect(tokens.map((token) => source.slice(token.from, token.to)).join('')).to.equal(source);
      expect(tokens.at(-1)).to.include({ kind: 'string', to: source.length });
      expect(tokens.find((token) => token.kind === 'invalid')).to.include({ from: 2, to: 3 });
    });
  });

  describe('error position to underline', () => {
    it("underlines the token that ends at jsonata's position", () => {
      const source = 'amount > 0 and account.industri = "x"';
      const position = source.indexOf('industri') + 'industri'.length;
      expect(errorRange(source, position)).to.deep.equal({ from: source.indexOf('industri'), to: position });
    });
    it('underlines the last token when the parse stopped at the end, and the token before trailing spaces', () => {
      expect(errorRange('amount +', 8)).to.deep.equal({ from: 7, to: 8 });
      expect(errorRange('amount +  ', 10)).to.deep.equal({ from: 7, to: 8 });
    });
    it('clamps a position past the end and underlines everything when there is none', () => {
      expect(errorRange('abc', 99)).to.deep.equal({ from: 0, to: 3 });
      expect(errorRange('a + b', undefined)).to.deep.equal({ from: 0, to: 5 });
      expect(errorRange('', 3)).to.deep.equal({ from: 0, to: 0 });
    });
  });

  describe('completion', () => {
    it('offers the fields, the parent paths through lookups two levels up, and the functions', () => {
      const labels = completionCandidates('deal', fieldsOf).map((candidate) => candidate.label);
      expect(labels).to.include.members(['amount', 'account', 'account.industry', 'account.owner', 'account.owner.name', 'account.owner.manager', '$sum', '$now']);
      // Two levels, and never back into an object already on the path.
      expect(labels).not.to.include('account.owner.manager.name');
      expect(labels).not.to.include('account.parent.industry');
    });
    it('stops at one level when asked, and tells fields from parent paths', () => {
      const candidates = completionCandidates('deal', fieldsOf, 1);
      expect(candidates.find((candidate) => candidate.label === 'account.industry')).to.deep.equal({ label: 'account.industry', kind: 'parent', detail: 'Industry' });
      expect(candidates.map((candidate) => candidate.label)).not.to.include('account.owner.name');
    });
    it('names the parent objects still to load', () => {
      expect(parentObjectsToLoad('deal', (object) => (object === 'deal' ? MODEL.deal : undefined))).to.deep.equal(['account']);
      expect(parentObjectsToLoad('deal', (object) => (object === 'user' ? undefined : MODEL[object]))).to.deep.equal(['user']);
      expect(parentObjectsToLoad('deal', fieldsOf)).to.deep.equal([]);
    });
    it('completes the dotted path or the $ name before the cursor, not inside a string', () => {
      const candidates = completionCandidates('deal', fieldsOf);
      const at = (source: string) => completionsAt(source, source.length, candidates);
      expect(at('amount > 0 and account.ind')).to.deep.include({ from: 15 });
      expect(at('amount > 0 and account.ind')?.options.map((option) => option.label)).to.deep.equal(['account.industry']);
      expect(at('$su')?.options.map((option) => option.label)).to.deep.equal(['$sum', '$substring']);
      expect(at('"account.ind')).to.equal(null);
      expect(at('amount + ')).to.equal(null);
    });
  });
});
