import { expect } from 'chai';
import { pagesById } from '../../engine/store/pages-by-id.js';
import { describeEachAdapter } from './adapters.js';

/** A scan of a large object holds one `_id` page at a time, and sees every matching record once. */
describeEachAdapter('pages by id', (ctx) => {
  const pad = (i: number) => `r${String(i).padStart(3, '0')}`;
  beforeEach(async () => {
    await ctx.store.collection('things').insertMany(Array.from({ length: 23 }, (_, i) => ({ _id: pad(i), kept: i % 2 === 0, value: i })));
  });

  it('gives every matching record once, in _id order, in pages of at most the size asked', async () => {
    const pages: string[][] = [];
    for await (const page of pagesById(ctx.store.collection('things'), { kept: true }, 5, { _id: 1 })) pages.push(page.map((record) => record._id));
    expect(pages.map((page) => page.length)).to.deep.equal([5, 5, 2]);
    expect(pages.flat()).to.deep.equal(Array.from({ length: 12 }, (_, i) => pad(i * 2)));
  });

  it('keeps a filter on _id of its own, and reads nothing past the last page', async () => {
    const seen: string[] = [];
    for await (const page of pagesById(ctx.store.collection('things'), { _id: { $lt: pad(10) } }, 5)) seen.push(...page.map((record) => record._id));
    expect(seen).to.deep.equal(Array.from({ length: 10 }, (_, i) => pad(i)));
  });

  it('does not read twice a record written behind its cursor, and reads one written ahead', async () => {
    const things = ctx.store.collection('things');
    const seen: string[] = [];
    for await (const page of pagesById(things, {}, 10)) {
      if (seen.length === 0) await things.insertMany([{ _id: 'r000a', value: -1 }, { _id: 'r999', value: 999 }]);
      seen.push(...page.map((record) => record._id));
    }
    expect(seen).to.have.length(24);
    expect(new Set(seen).size).to.equal(24);
    expect(seen).to.include('r999').and.not.include('r000a');
  });
});
