import { expect } from 'chai';
import { compileSnapshot, NO_DEFINITIONS } from '../../../../engine/metadata/compile-snapshot.js';
import type { CompiledObject } from '../../../../engine/metadata/compiled-object.js';
import { ValidationError } from '../../../../engine/errors/index.js';
import { compileFilter } from '../../../../engine/metadata/query/filter-language.js';

function deal(): CompiledObject {
  const { snapshot, problems } = compileSnapshot(1, { ...NO_DEFINITIONS, object: [
    {
      name: 'deal',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'amount', type: 'currency' },
        { name: 'stage', type: 'picklist', values: ['new', 'won', { value: 'old', active: false }] },
        { name: 'tags', type: 'multipicklist', values: ['a', 'b'] },
        { name: 'email', type: 'email' },
        { name: 'closed_at', type: 'datetime' },
        { name: 'extra', type: 'json' },
      ],
    },
  ] });
  expect(problems.size).to.equal(0);
  return snapshot.object('deal')!;
}

function refusal(input: unknown): { path: string; message: string }[] {
  try {
    compileFilter(deal(), input);
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return (error as ValidationError).details.map((detail) => ({ path: detail.path, message: String(detail.message) }));
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

describe('filter language', () => {
  const accepted: [string, unknown, unknown][] = [
    ['a bare value is equality', { title: 'Laptops' }, { title: { $eq: 'Laptops' } }],
    ['comparisons combine on one field', { amount: { gte: 10, lt: 20 } }, { amount: { $gte: 10, $lt: 20 } }],
    ['in and nin take lists', { stage: { in: ['new', 'won'] } }, { stage: { $in: ['new', 'won'] } }],
    ['an inactive picklist value can still be searched for', { stage: 'old' }, { stage: { $eq: 'old' } }],
    ['contains is a case-insensitive escaped regex', { title: { contains: 'a.b' } }, { title: { $regex: 'a\\.b', $options: 'i' } }],
    ['startsWith anchors the regex', { title: { startsWith: 'PR' } }, { title: { $regex: '^PR', $options: 'i' } }],
    ['isNull true matches missing values', { amount: { isNull: true } }, { amount: { $eq: null } }],
    ['isNull false matches present values', { amount: { isNull: false } }, { amount: { $ne: null } }],
    ['a multi-select matches one of its values', { tags: 'a' }, { tags: { $eq: 'a' } }],
    ['e-mail operands are normalised like stored values', { email: 'A@B.COM' }, { email: { $eq: 'a@b.com' } }],
    ['date-times are compared in UTC', { closed_at: { gte: '2025-01-01T08:00:00+08:00' } }, { closed_at: { $gte: '2025-01-01T00:00:00.000Z' } }],
    ['and / or nest', { or: [{ title: 'x' }, { and: [{ amount: { gt: 1 } }] }] }, { $or: [{ title: { $eq: 'x' } }, { $and: [{ amount: { $gt: 1 } }] }] }],
    ['several fields are joined with and', { title: 'x', amount: 1 }, { $and: [{ title: { $eq: 'x' } }, { amount: { $eq: 1 } }] }],
    ['system fields can be filtered', { _createdBy: 'admin' }, { _createdBy: { $eq: 'admin' } }],
  ];
  for (const [behaviour, input, expected] of accepted) {
    it(behaviour, () => expect(compileFilter(deal(), input)).to.deep.equal(expected));
  }

  const refused: [string, unknown, string][] = [
    ['refuses $where at the top', { $where: 'sleep(1000)' }, '/filter/$where'],
    ['refuses $expr at the top', { $expr: { $gt: ['$amount', 1] } }, '/filter/$expr'],
    ['refuses a $ operator inside a field', { amount: { $gt: 1 } }, '/filter/amount/$gt'],
    ['refuses $function inside or', { or: [{ $function: {} }] }, '/filter/or/0/$function'],
    ['refuses an operand that is an operator object', { title: { eq: { $ne: null } } }, '/filter/title/eq'],
    ['refuses an unknown field', { nope: 1 }, '/filter/nope'],
    ['refuses an operator the type does not allow', { amount: { contains: '1' } }, '/filter/amount/contains'],
    ['refuses a wrong operand type', { amount: { gt: 'abc' } }, '/filter/amount/gt'],
    ['refuses a value not in the picklist', { stage: 'lost' }, '/filter/stage'],
    ['refuses an empty in list', { stage: { in: [] } }, '/filter/stage/in'],
    ['refuses a non-boolean isNull', { amount: { isNull: 'yes' } }, '/filter/amount/isNull'],
    ['refuses filtering inside a JSON field', { extra: { eq: { a: 1 } } }, '/filter/extra/eq'],
    ['refuses an or that is not a list', { or: { title: 'x' } }, '/filter/or'],
    ['refuses a filter that is not an object', [1, 2], '/filter'],
  ];
  for (const [behaviour, input, path] of refused) {
    it(behaviour, () => expect(refusal(input).map((detail) => detail.path)).to.include(path));
  }

  it('names every problem of one filter at once', () => {
    expect(refusal({ nope: 1, amount: { gt: 'x' }, $where: 1 })).to.have.length(3);
  });
});
