import { expect } from 'chai';
import jsonata from 'jsonata';
import { compileExpression, evaluateExpression, isCompiled, type ExpressionScope } from '../../../engine/formula/index.js';
import { toPlainJson } from '../../../engine/formula/plain-json.js';

const scope: ExpressionScope = { object: 'note', fields: new Set(['text']), parents: new Map(), variables: new Set() };

/** The answer of jsonata on V8's own RegExp, as plain JSON, or the jsonata error code it throws. */
async function withNativeRegExp(source: string, text: string): Promise<unknown> {
  try {
    return toPlainJson(await jsonata(source).evaluate({ text }));
  } catch (error) {
    return { error: (error as { code?: string }).code };
  }
}

async function withLinearRegExp(source: string, text: string): Promise<unknown> {
  const compiled = compileExpression(source, scope);
  if (!isCompiled(compiled)) throw new Error(`expected ${source} to compile: ${JSON.stringify(compiled.problems)}`);
  try {
    return await evaluateExpression(compiled, { text });
  } catch (error) {
    return { error: (error as { jsonataCode?: string }).jsonataCode };
  }
}

describe('regular expressions on the linear-time engine', () => {
  // Every regular-expression function of jsonata, with groups, flags, Chinese text and characters
  // outside the basic plane: the answers must be those of V8's engine, positions included.
  const cases: [string, string][] = [
    ['$match(text, /\\d+/)', 'a1b22c333'],
    ['$match(text, /(\\d{4})-(\\d\\d)-(\\d\\d)/)', 'due 2024-05-06'],
    ['$match(text, /(x)?b/)', 'ab'],
    ['$match(text, /HT-(\\d+)-(\\d+)/)', '合同编号：HT-2024-001，金额'],
    ['$match(text, /[a-z]/)', '😀a😀b'],
    ['$match(text, /^line\\d$/m)', 'line1\nline2'],
    ['$match(text, /\\w+/, 2)', 'café au lait'],
    ['$contains(text, /b/i)', 'ABC'],
    ['$contains(text, /^(a|a)+$/)', 'aaaaaaaa'],
    ['$replace(text, /o/, "0")', 'Hello World'],
    ['$replace(text, /(\\w+)\\s(\\w+)/, "$2, $1")', 'John Smith'],
    ['$replace(text, /a*?/, "-")', 'aaa'],
    ['$split(text, /,\\s*/)', 'a, b,c'],
    ['$split(text, /\\d/)', '合1同2'],
    ['$match(text, /(?<year>\\d{4})/).groups', 'in 2025'],
  ];
  for (const [source, text] of cases) {
    it(`answers ${source} on ${JSON.stringify(text)} as V8's engine does`, async () => {
      expect(await withLinearRegExp(source, text)).to.deep.equal(await withNativeRegExp(source, text));
    });
  }

  it('answers a pattern that backtracks exponentially on V8 in linear time', async () => {
    const text = `${'a'.repeat(5_000)}!`;
    expect(await withLinearRegExp('$contains(text, /^(a|a)+$/)', text)).to.equal(false);
    expect(await withLinearRegExp('$match(text, /(a+)+$/)', text)).to.equal(null);
  });

  const refused: [string, RegExp][] = [
    ['a backreference', /\\1/],
    ['a lookahead', /\(\?=/],
    ['a negative lookbehind', /\(\?<!/],
  ];
  const sources = ['$contains(text, /(a)\\1/)', '$contains(text, /a(?=b)/)', '$contains(text, /(?<!a)b/)'];
  refused.forEach(([what, named], index) => {
    it(`refuses ${what} when the expression is compiled, naming the pattern and its position`, () => {
      const source = sources[index]!;
      const result = compileExpression(source, scope, '/condition');
      expect(isCompiled(result)).to.equal(false);
      const [problem] = isCompiled(result) ? [] : result.problems;
      // jsonata's positions point just after a token: here the pattern's closing slash.
      const end = source.lastIndexOf('/') + 1;
      expect(problem).to.include({ path: '/condition', position: end });
      expect(problem!.message).to.match(named).and.match(/linear-time engine/).and.include(`at position ${end}`);
    });
  });
});
