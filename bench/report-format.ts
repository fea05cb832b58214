import type { LoadResult } from './measure.js';

// Markdown and number formatting shared by the report's sections.

export const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
export const times = (ratio: number) => `${ratio.toFixed(2)}×`;
export const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
export const pctOf = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;
export const perSecond = (result: LoadResult) => result.perSecond.toFixed(0);
export const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
export const us = (micros: number | undefined) => (micros === undefined ? 'n/a' : micros.toFixed(0));
export const cpuCell = (result: LoadResult) =>
  `${us(result.cpuPerRequest)}${result.mainThreadMicros === null ? '' : ` (${us(result.mainThreadMicros / result.sent)})`}`;
export function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
