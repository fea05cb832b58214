import { expect } from 'chai';
import { createRecord, defineObject, expectError, listPath, listRecords } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

type Row = Record<string, any>;

/** 23 records whose sort keys tie often and are missing sometimes: the hard case for a keyset cursor. */
const ROWS: Row[] = Array.from({ length: 23 }, (_, i) => {
  const row: Row = { title: `r${String(i).padStart(2, '0')}` };
  if (i % 4 !== 0) row.rank = i % 3; // ranks 0, 1, 2 with many ties; every fourth record has none
  if (i % 5 !== 1) row.team = ['blue', 'green', 'red'][i % 3]; // teams tie too; some records have none
  if (i % 2 === 0) row.due = `2030-01-0${1 + (i % 3)}`;
  return row;
});

/** The order both stores give: missing values first ascending, last descending, then by id. */
function expectedOrder(rows: Row[], sort: string): string[] {
  const keys = sort.split(',').map((key) => (key.startsWith('-') ? { name: key.slice(1), dir: -1 } : { name: key, dir: 1 }));
  const compare = (a: unknown, b: unknown): number => {
    if (a === b) return 0;
    if (a === undefined || a === null) return -1;
    if (b === undefined || b === null) return 1;
    return (a as number | string) < (b as number | string) ? -1 : 1;
  };
  return [...rows]
    .sort((a, b) => {
      for (const { name, dir } of keys) {
        const order = compare(a[name], b[name]) * dir;
        if (order !== 0) return order;
      }
      return compare(a._id, b._id);
    })
    .map((row) => row._id as string);
}

describe('records API: walking every page with a cursor', () => {
  let engine: TestEngine;
  let stored: Row[];
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'entry',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'rank', type: 'number' },
        { name: 'team', type: 'text' },
        { name: 'due', type: 'date' },
      ],
    });
    stored = [];
    for (const row of ROWS) stored.push(await createRecord(engine, 'entry', row));
  });
  after(async () => {
    await engine.stop();
  });

  async function walk(query: Record<string, unknown>): Promise<{ ids: string[]; sizes: number[]; totals: (number | null)[] }> {
    const ids: string[] = [];
    const sizes: number[] = [];
    const totals: (number | null)[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const page = await listRecords(engine, 'entry', { ...query, ...(cursor ? { cursor } : {}) });
      ids.push(...page.records.map((record) => record._id as string));
      sizes.push(page.records.length);
      totals.push(page.total);
      if (page.next === null) return { ids, sizes, totals };
      cursor = page.next;
    }
    throw new Error('the cursor never reached a last page');
  }

  for (const sort of ['-rank,team', 'team,-rank,title', 'rank', '-due,rank,-team', '-_createdAt', 'title']) {
    it(`returns every record exactly once, in order, under sort=${sort} with limit 5`, async () => {
      const { ids, sizes } = await walk({ sort, limit: 5 });
      expect(sizes).to.deep.equal([5, 5, 5, 5, 3]);
      expect(new Set(ids).size).to.equal(23);
      expect(ids).to.deep.equal(expectedOrder(stored, sort));
    });
  }

  it('walks a filtered list, every page counting the same total', async () => {
    const filter = { or: [{ rank: { gte: 1 } }, { team: { isNull: true } }] };
    const matching = stored.filter((row) => (row.rank ?? -1) >= 1 || row.team === undefined);
    const { ids, totals } = await walk({ sort: '-rank,team', limit: 5, filter, total: true });
    expect(ids).to.deep.equal(expectedOrder(matching, '-rank,team'));
    expect(new Set(totals)).to.deep.equal(new Set([matching.length]));
  });

  it('walks in order when the sort fields are not among the selected fields', async () => {
    const { ids } = await walk({ sort: 'team,-rank', limit: 5, fields: 'title' });
    expect(ids).to.deep.equal(expectedOrder(stored, 'team,-rank'));
  });

  it('walks pages of one record, and one page of 200', async () => {
    const single = await walk({ sort: '-rank,team', limit: 1 });
    expect(single.sizes).to.deep.equal(Array(23).fill(1));
    expect(single.ids).to.deep.equal(expectedOrder(stored, '-rank,team'));
    const whole = await walk({ sort: '-rank,team', limit: 200 });
    expect(whole.sizes).to.deep.equal([23]);
  });

  it('ends with next null on a page that is exactly full', async () => {
    const { sizes } = await walk({ sort: 'title', limit: 23 });
    expect(sizes).to.deep.equal([23]);
  });

  describe('refuses a cursor on another list than the one that issued it, with 400 at /cursor', () => {
    const issued = { sort: 'title', limit: 5, filter: { rank: { gte: 0 } } };
    const cases: [string, string, Record<string, unknown>][] = [
      ['another object with the same fields', 'entry_copy', issued],
      ['another sort', 'entry', { ...issued, sort: '-title' }],
      ['another filter', 'entry', { ...issued, filter: { rank: { gte: 1 } } }],
      ['no filter', 'entry', { sort: 'title', limit: 5 }],
    ];
    before(async () => {
      await defineObject(engine, { name: 'entry_copy', fields: [{ name: 'title', type: 'text' }, { name: 'rank', type: 'number' }] });
      for (const row of ROWS) await createRecord(engine, 'entry_copy', { title: row.title, ...(row.rank === undefined ? {} : { rank: row.rank }) });
    });
    for (const [what, object, query] of cases) {
      it(what, async () => {
        const { next } = await listRecords(engine, 'entry', issued);
        expect(next).to.be.a('string');
        const response = await engine.request('GET', listPath(object, { ...query, cursor: next }));
        const [detail] = expectError(response, 400, 'validation_failed');
        expect(detail).to.deep.include({ path: '/cursor' });
        expect(detail!.message).to.contain('start again without a cursor');
      });
    }
    it('and continues the list that issued it, whatever other page size is asked', async () => {
      const first = await listRecords(engine, 'entry', issued);
      const second = await listRecords(engine, 'entry', { ...issued, limit: 7, cursor: first.next });
      expect(second.records).to.have.length(7);
      expect(second.records[0]!.title > first.records[4]!.title).to.equal(true);
    });
  });

  it('continues from the position of the page end, not from an offset, when records change in between', async () => {
    const first = await listRecords(engine, 'entry', { sort: 'title', limit: 5 });
    // one record already seen is deleted: an offset would now skip a record, the cursor does not
    const gone = await engine.request('DELETE', `/api/v1/records/entry/${first.records[0]!._id}`);
    expect(gone.status).to.equal(204);
    const deletedId = first.records[0]!._id as string;
    const rest = await walk({ sort: 'title', limit: 5, cursor: first.next });
    expect(rest.ids).to.deep.equal(expectedOrder(stored, 'title').slice(5));
    stored = stored.filter((row) => row._id !== deletedId);
  });
});
