import { tags } from '@lezer/highlight';
import { expect } from 'chai';
import { ApiError } from '../../studio/src/shared/api/api-error';
import { expressionCheckOf, expressionTestBody, previewText } from '../../studio/src/app/setup/expressions/expression-check';
import { completionFieldOf } from '../../studio/src/app/setup/expressions/expression-completions';
import { TOKEN_TAGS } from '../../studio/src/app/setup/expressions/expression-tokens';

const parseError = new ApiError(400, 'validation_failed', 'Invalid', [{ path: '/expression', message: 'syntax error at position 8', position: 8 }]);
const evaluationError = new ApiError(422, 'validation_failed', 'Invalid', [{ path: '/expression', message: 'cannot add a text', position: 8 }]);

describe('web app: expression editor check and preview', () => {
  describe('the live check', () => {
    it('asks for a stored record when one is picked, else checks the parse on an empty record', () => {
      expect(expressionTestBody('deal', 'amount * 2', 'r1')).to.deep.equal({ object: 'deal', expression: 'amount * 2', recordId: 'r1' });
      expect(expressionTestBody('deal', 'amount * 2', undefined)).to.deep.equal({ object: 'deal', expression: 'amount * 2', record: {} });
    });

    it('shows the value only on a picked record', () => {
      expect(expressionCheckOf({ value: 10000 }, true)).to.deep.equal({ state: 'value', value: 10000 });
      expect(expressionCheckOf({ value: false }, false)).to.deep.equal({ state: 'idle' });
    });

    it("keeps a parse error's position for the underline, with or without a record", () => {
      for (const picked of [true, false]) {
        expect(expressionCheckOf({ error: parseError }, picked)).to.deep.equal({ state: 'problem', problem: { message: 'syntax error at position 8', position: 8 } });
      }
    });

    it('reports an evaluation error only on a picked record: on the empty one it says nothing about real records', () => {
      expect(expressionCheckOf({ error: evaluationError }, false)).to.deep.equal({ state: 'idle' });
      expect(expressionCheckOf({ error: evaluationError }, true)).to.deep.equal({ state: 'problem', problem: { message: 'cannot add a text', position: 8 } });
    });

    it("falls back to the refusal's message, or the failure's, when no detail is on the expression", () => {
      expect(expressionCheckOf({ error: new ApiError(404, 'not_found', 'There is no Deal record with id x') }, true)).to.deep.equal({ state: 'problem', problem: { message: 'There is no Deal record with id x' } });
      expect(expressionCheckOf({ error: new ApiError(400, 'validation_failed', 'Invalid', [{ path: '/object', message: 'is required' }]) }, false)).to.deep.equal({ state: 'problem', problem: { message: 'is required' } });
      expect(expressionCheckOf({ error: new Error('The connection to the server failed.') }, true)).to.deep.equal({ state: 'problem', problem: { message: 'The connection to the server failed.' } });
    });
  });

  describe('the preview value', () => {
    it('quotes text so an empty or blank result shows, writes the rest as JSON, and has no text for no value', () => {
      const table: [unknown, string | undefined][] = [
        ['Energy', '"Energy"'], ['', '""'], [10000, '10000'], [true, 'true'], [[1, 2], '[1,2]'], [{ a: 1 }, '{"a":1}'], [null, undefined], [undefined, undefined],
      ];
      for (const [value, text] of table) expect(previewText(value), JSON.stringify(value)).to.equal(text);
    });
  });

  describe('completion fields from definitions', () => {
    it('keeps the lookup target only when the definition names one', () => {
      expect(completionFieldOf({ name: 'account', type: 'lookup', target: 'account' }, 'Account')).to.deep.equal({ name: 'account', type: 'lookup', label: 'Account', target: 'account' });
      expect(completionFieldOf({ name: 'amount', type: 'number', target: 42 }, 'Amount')).to.deep.equal({ name: 'amount', type: 'number', label: 'Amount' });
    });
  });

  describe('highlighting', () => {
    it("names only CodeMirror tags that exist (a misspelt one loses its colour with a mere console warning)", () => {
      for (const [kind, tag] of Object.entries(TOKEN_TAGS)) {
        if (tag === null) continue;
        const [name, ...modifiers] = tag.split('.');
        expect(tags, kind).to.have.property(name!);
        for (const modifier of modifiers) expect((tags as unknown as Record<string, unknown>)[modifier], `${kind}: ${modifier}`).to.be.a('function');
      }
      expect(TOKEN_TAGS.space).to.equal(null);
    });
  });
});
