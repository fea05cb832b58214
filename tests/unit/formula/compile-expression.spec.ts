import { expect } from 'chai';
import jsonata from 'jsonata';
import {
  BUILTIN_FUNCTIONS,
  compileExpression,
  isCompiled,
  type CompiledExpression,
  type ExpressionProblem,
  type ExpressionScope,
} from '../../../engine/formula/index.js';

/** An opportunity with a lookup to account (named like its target) and one to a user under another name. */
const scope: ExpressionScope = {
  object: 'opportunity',
  fields: new Set(['name', 'amount', 'probability', 'stage', 'first', 'last', 'lines', 'account', 'manager', 'details']),
  parents: new Map([
    ['account', { object: 'account', fields: new Set(['name', 'industry', 'rating']) }],
    ['manager', { object: 'user', fields: new Set(['email', 'department']) }],
  ]),
  variables: new Set(['user', '$today']),
};

function compiled(source: string): CompiledExpression {
  const result = compileExpression(source, scope, '/fields/4/expression');
  if (!isCompiled(result)) throw new Error(`expected ${source} to compile: ${JSON.stringify(result.problems)}`);
  return result;
}

function problems(source: string): ExpressionProblem[] {
  const result = compileExpression(source, scope, '/fields/4/expression');
  if (isCompiled(result)) throw new Error(`expected ${source} to be refused`);
  return result.problems;
}

describe('compiling expressions', () => {
  describe('syntax errors say what and where', () => {
    const cases: [string, string, string][] = [
      ['a missing closing parenthesis', 'amount * (probability / 100', 'syntax error at position 27: expected ")" before the end of the expression'],
      ['an operator without its right side', 'amount +', 'syntax error at position 8: the expression ends too early'],
      ['two names without an operator', 'first last', 'syntax error at position 10: unexpected "last"'],
      ['an unclosed text', 'first & " ', 'syntax error at position 10: a text in quotes is not closed'],
      ['a doubled operator', 'amount = = 1', 'syntax error at position 10: unexpected "="'],
      ['a wrong closing bracket', '$sum(lines]', 'syntax error at position 11: expected ")" but found "]"'],
    ];
    for (const [what, source, message] of cases) {
      it(`reports ${what}`, () => {
        expect(problems(source)).to.deep.equal([{ path: '/fields/4/expression', message, position: Number(/position (\d+)/.exec(message)![1]) }]);
      });
    }

    it('reports an invalid regular expression, which JavaScript rejects while jsonata parses', () => {
      expect(problems('$match(name, /?/)').map((problem) => problem.message)).to.deep.equal([
        'syntax error: invalid regular expression: /?/g: Nothing to repeat',
      ]);
    });

    it('reports an empty expression', () => {
      expect(problems('  ')).to.deep.equal([{ path: '/fields/4/expression', message: 'the expression is empty' }]);
    });
  });

  describe('fields of the record', () => {
    const accepted: [string, string][] = [
      ['arithmetic on fields', 'amount * probability / 100'],
      ['text concatenation', 'first & " " & last'],
      ['a condition', 'amount > 1000 ? "big" : "small"'],
      ['system fields', '_owner = $user.id and _version > 1 and $exists(_createdAt)'],
      ['names inside a predicate, which are relative to the list item', '$sum(lines[qty > 5].(qty * price))'],
      ['names after the first step of a field that is not a lookup', 'details.address.city'],
      ['a field read through $$ or the root $', '$$.amount + $.probability'],
      ['names inside an object constructor', '{ "total": amount, "who": name }'],
      ['a backquoted field name', '`amount` + 1'],
    ];
    for (const [what, source] of accepted) {
      it(`accepts ${what}`, () => expect(compiled(source).source).to.equal(source));
    }

    const refused: [string, string, string][] = [
      ['an unknown field, with the nearest name as a hint', 'amonut * 2', "'amonut' is not a field of opportunity; did you mean 'amount'?"],
      ['an unknown field without a near name', 'amount + zzz', "'zzz' is not a field of opportunity"],
      ['an unknown field read through $$', '$$.probabilty', "'probabilty' is not a field of opportunity; did you mean 'probability'?"],
      ['an unknown field inside a function call', '$round(amunt, 2)', "'amunt' is not a field of opportunity; did you mean 'amount'?"],
      ['an unknown field inside a lambda body', '$map([1, 2], function($v){ $v * amout })', "'amout' is not a field of opportunity; did you mean 'amount'?"],
      ['an unknown system field', '_ownr', "'_ownr' is not a field of opportunity; did you mean '_owner'?"],
    ];
    for (const [what, source, message] of refused) {
      it(`refuses ${what}`, () => expect(problems(source).map((problem) => problem.message)).to.deep.equal([message]));
    }

    it('reports every unknown name once, in source order, with its position', () => {
      expect(problems('nme & amonut & nme')).to.deep.equal([
        { path: '/fields/4/expression', message: "'nme' is not a field of opportunity; did you mean 'name'?", position: 3 },
        { path: '/fields/4/expression', message: "'amonut' is not a field of opportunity; did you mean 'amount'?", position: 12 },
      ]);
    });
  });

  describe('parent fields through lookups', () => {
    it('accepts a field of the lookup target', () => {
      expect(compiled('account.industry').references.parents).to.deep.equal([{ lookup: 'account', field: 'industry' }]);
    });

    it('accepts a system field of the lookup target', () => {
      expect(compiled('manager._owner').references.parents).to.deep.equal([{ lookup: 'manager', field: '_owner' }]);
    });

    it('refuses an unknown field of the lookup target, with a hint', () => {
      expect(problems('account.industri').map((problem) => problem.message)).to.deep.equal([
        "'industri' is not a field of account; did you mean 'industry'?",
      ]);
    });

    it('names the lookup when it differs from its target', () => {
      expect(problems('manager.departement').map((problem) => problem.message)).to.deep.equal([
        "'departement' is not a field of user (the object 'manager' looks up); did you mean 'department'?",
      ]);
    });
  });

  describe('variables and functions', () => {
    const accepted: [string, string][] = [
      ['declared variables, with or without $ in the declaration', '$user.name & $today'],
      ['variables the expression binds itself', '($rate := probability / 100; amount * $rate)'],
      ['lambda parameters and recursion', '($f := function($n){ $n <= 1 ? 1 : $n * $f($n - 1) }; $f(5))'],
      ['positional and focus variables', 'lines#$i[$i > 0].qty'],
      ...[...'sum round substring now uppercase exists count string number boolean'.split(' ')].map(
        (name): [string, string] => [`the built-in $${name}`, `$${name}`],
      ),
    ];
    for (const [what, source] of accepted) {
      it(`accepts ${what}`, () => expect(compiled(source).source).to.equal(source));
    }

    const refused: [string, string, string][] = [
      ['an undeclared variable, with the nearest declared one', '$usr.name', "'$usr' is not a variable or function available here; did you mean '$user'?"],
      ['a misspelt built-in function', '$summ(lines.amount)', "'$summ' is not a variable or function available here; did you mean '$sum'?"],
      ['a variable bound nowhere', '$discount * amount', "'$discount' is not a variable or function available here"],
    ];
    for (const [what, source, message] of refused) {
      it(`refuses ${what}`, () => expect(problems(source).map((problem) => problem.message)).to.deep.equal([message]));
    }

    it('knows only functions the installed jsonata defines', async () => {
      for (const name of BUILTIN_FUNCTIONS) {
        const value: unknown = await jsonata(`$${name}`).evaluate({});
        expect(value, `$${name}`).to.not.equal(undefined);
      }
    });
  });

  describe('references', () => {
    const cases: [string, string, string[], [string, string][]][] = [
      ['fields in order, each once', 'probability * amount + amount', ['amount', 'probability'], []],
      ['the lookup itself and the parent field', 'account.industry & name', ['account', 'name'], [['account', 'industry']]],
      ['only the first step of a relative path', '$sum(lines[qty > 1].price)', ['lines'], []],
      ['system fields', '_createdAt', ['_createdAt'], []],
    ];
    for (const [what, source, fields, parents] of cases) {
      it(`lists ${what}`, () => {
        expect(compiled(source).references).to.deep.equal({
          fields,
          parents: parents.map(([lookup, field]) => ({ lookup, field })),
        });
      });
    }

    it('counts a predicate on a lookup as reading every field of the parent', () => {
      const { parents } = compiled('account[rating > 3].name').references;
      expect(parents.map((parent) => parent.field)).to.include.members(['industry', 'name', 'rating', '_id']);
      expect(parents.every((parent) => parent.lookup === 'account')).to.equal(true);
    });

    it('counts a wildcard as reading every field of the record', () => {
      expect(compiled('$count(*)').references.fields).to.include.members([...scope.fields, '_id', '_version']);
    });

    const readingEverything: [string, string][] = [
      ['$$ as a value', '$string($$)'],
      ['a descendant wildcard', '$count(**)'],
    ];
    for (const [what, source] of readingEverything) {
      it(`counts ${what} as reading every field of the record and of its parents`, () => {
        const { fields, parents } = compiled(source).references;
        expect(fields).to.include.members([...scope.fields]);
        expect(parents).to.deep.include({ lookup: 'manager', field: 'email' });
      });
    }

    it('refuses $eval, whose text no check can see, even through a variable', () => {
      for (const source of ['$eval("amount")', '($e := $eval; $e("amount"))']) {
        const result = compileExpression(source, scope, '/expression');
        expect(isCompiled(result) ? [] : result.problems.map((problem) => problem.message)).to.satisfy((messages: string[]) =>
          messages.some((message) => message.startsWith('$eval is not available in expressions')),
        );
      }
    });

    it('counts the parent operator % as reading every field of the record', () => {
      expect(compiled('lines.%.amount').references.fields).to.include.members([...scope.fields]);
    });
  });
});
