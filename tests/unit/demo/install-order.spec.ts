import { expect } from 'chai';
import { installOrder } from '../../../engine/demo/index.js';
import type { Pack } from '../../../engine/packs/index.js';

/** A pack of a name that requires the packs named. */
const pack = (name: string, ...requires: string[]): Pack => ({
  manifest: { name, version: '1.0.0', label: { en: name }, ...(requires.length > 0 ? { requires: { packs: Object.fromEntries(requires.map((needed) => [needed, '^1.0.0'])) } } : {}) },
  items: [],
});

const CASES: { name: string; packs: Pack[]; ordered: string[]; circular?: string[] }[] = [
  { name: 'orders alphabetically when nothing requires anything', packs: [pack('sales'), pack('company'), pack('finance')], ordered: ['company', 'finance', 'sales'] },
  {
    name: 'puts each pack after the packs it requires, however they are listed',
    packs: [pack('marketing', 'company', 'sales'), pack('finance', 'sales', 'company'), pack('service', 'sales'), pack('sales', 'company'), pack('procurement', 'company'), pack('company')],
    ordered: ['company', 'procurement', 'sales', 'finance', 'marketing', 'service'],
  },
  { name: 'does not hold the order up for a requirement the folder lacks (the install refuses that pack later)', packs: [pack('orphan', 'elsewhere'), pack('company')], ordered: ['company', 'orphan'] },
  { name: 'leaves out packs that require each other in a circle, and those that require them', packs: [pack('a', 'b'), pack('b', 'a'), pack('c', 'a'), pack('d')], ordered: ['d'], circular: ['a', 'b', 'c'] },
];

describe('the demo tenant: the order packs install in', () => {
  for (const case_ of CASES) {
    it(case_.name, () => {
      const { ordered, circular } = installOrder(case_.packs);
      expect(ordered.map((found) => found.manifest.name)).to.deep.equal(case_.ordered);
      expect(circular).to.deep.equal(case_.circular ?? []);
    });
  }
});
