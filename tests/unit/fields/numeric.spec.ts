import { expect } from 'chai';
import { averageOfUnits, fromUnits, multiplyToScale, roundToScale, toUnits } from '../../../engine/fields/numeric.js';

describe('fixed-scale arithmetic', () => {
  const units: [value: number, scale: number, units: number][] = [
    [1234.57, 2, 123457],
    [0.1, 2, 10],
    [1.005, 2, 101],
    [-1.005, 2, -101],
    [12.3456, 3, 12346],
    [7, 0, 7],
  ];
  for (const [value, scale, expected] of units) {
    it(`takes ${value} as ${expected} units of scale ${scale}, rounding half away from zero`, () => {
      expect(toUnits(value, scale)).to.equal(expected);
      expect(roundToScale(value, scale)).to.equal(fromUnits(expected, scale));
    });
  }

  it('adds 0.1 and 0.2 as units to exactly 0.3', () => {
    expect(fromUnits(toUnits(0.1, 2) + toUnits(0.2, 2), 2)).to.equal(0.3);
  });

  const products: [amount: number, factor: number, scale: number, expected: number][] = [
    [8114300650.17, 1.234777, 2, 10019351813.91],
    [9600152246.91, 1.055514, 2, 10133095098.74],
    [-8114300650.17, 1.234777, 2, -10019351813.91],
    [0.1, 1.25, 2, 0.13],
    [0.1, 1.15, 2, 0.12],
    [1000, 1.1, 2, 1100],
    [3, 0.0000002, 8, 0.0000006],
    [12.5, 2, 0, 25],
  ];
  for (const [amount, factor, scale, expected] of products) {
    it(`multiplies ${amount} by ${factor} to ${expected} at scale ${scale}, on the decimals`, () => {
      expect(multiplyToScale(amount, factor, scale)).to.equal(expected);
    });
  }

  const averages: [units: number, count: number, scale: number, expected: number][] = [
    [3, 2, 0, 1.5],
    [3001, 3, 2, 10.0033],
    [2, 3, 2, 0.0067],
    [-2, 3, 2, -0.0067],
    [0, 5, 2, 0],
  ];
  for (const [sum, count, scale, expected] of averages) {
    it(`averages ${sum} units of scale ${scale} over ${count} to ${expected}, two decimals beyond the scale`, () => {
      expect(averageOfUnits(sum, count, scale)).to.equal(expected);
    });
  }
});
