import { expect } from 'chai';
import { ValidationError } from '../../../engine/errors/index.js';
import { renderText } from '../../../engine/i18n/message.js';
import { demoDataOf, seededRandom, type DemoDataGenerator, type Pack } from '../../../engine/packs/index.js';

const draws = (random: () => number, count: number) => Array.from({ length: count }, () => random());

/** A pack of a name with data/ files and a generator, as a folder with an index.ts would read. */
function packWith(name: string, demoData?: DemoDataGenerator, data?: Pack['data']): Pack {
  return { manifest: { name, version: '1.0.0', label: { en: name } }, items: [], ...(data ? { data } : {}), ...(demoData ? { code: { demoData } } : {}) };
}

describe('generated demo data: seededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(seededRandom('sales'), 1000)).to.deep.equal(draws(seededRandom('sales'), 1000));
  });

  it('gives different packs different sequences', () => {
    const seeds = ['sales', 'service', 'finance', 'procurement', 'marketing', 'salez'];
    const firsts = seeds.map((seed) => draws(seededRandom(seed), 5).join(','));
    expect(new Set(firsts).size).to.equal(seeds.length);
  });

  it('draws uniformly in [0, 1): ten equal buckets hold about a tenth each, the mean is about a half', () => {
    const values = draws(seededRandom('uniform'), 20_000);
    expect(values.every((value) => value >= 0 && value < 1)).to.equal(true);
    const buckets = new Array<number>(10).fill(0);
    for (const value of values) buckets[Math.floor(value * 10)]!++;
    // 2,000 expected per bucket; a fair generator stays within ±10% (over 8 standard deviations away otherwise).
    for (const count of buckets) expect(count).to.be.within(1800, 2200);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).to.be.closeTo(0.5, 0.01);
    expect(new Set(values).size, 'no short cycle').to.be.above(19_990);
  });
});

describe('generated demo data: demoDataOf', () => {
  const today = new Date('2026-03-15T00:00:00Z');
  const visits: DemoDataGenerator = ({ today: day, random }) => ({
    visit: Array.from({ length: 3 }, (_, index) => ({ _key: `v${index}`, on: new Date(day.getTime() - Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10) })),
  });

  it("gives the generator the day and the pack's seeded numbers: the same records for the same pack and day", () => {
    const first = demoDataOf(packWith('clinic', visits), today)!;
    expect(first).to.deep.equal(demoDataOf(packWith('clinic', visits), today));
    expect(first.visit!.every((record) => (record.on as string) <= '2026-03-15' && (record.on as string) > '2025-03-14')).to.equal(true);
    expect(demoDataOf(packWith('other-clinic', visits), today), 'another pack draws other numbers').not.to.deep.equal(first);
  });

  it("adds the generated records after the data/ files' of the same object, and keeps the files' alone without a generator", () => {
    const files = { visit: [{ _key: 'from-file' }], site: [{ _key: 'harbour' }] };
    expect(demoDataOf(packWith('clinic', undefined, files), today)).to.equal(files);
    const both = demoDataOf(packWith('clinic', visits, files), today)!;
    expect(both.visit!.map((record) => record._key)).to.deep.equal(['from-file', 'v0', 'v1', 'v2']);
    expect(both.site).to.deep.equal(files.site);
  });

  it('refuses generated records that are no demo records, at /demoData/<object>.json/<index>/…', () => {
    const broken: DemoDataGenerator = () => ({ visit: [{ _key: 'a' }, { _key: 'a' }], site: [{ name: 'no key' } as never] });
    let refused: unknown;
    try {
      demoDataOf(packWith('clinic', broken), today);
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(ValidationError);
    const problems = (refused as ValidationError).details.map((detail) => detail.path);
    expect(problems).to.include('/demoData/visit.json/1/_key');
    expect(problems.some((path) => path.startsWith('/demoData/site.json/0'))).to.equal(true);
    expect(renderText((refused as ValidationError).text, 'en')).to.contain("'clinic'");
  });
});
