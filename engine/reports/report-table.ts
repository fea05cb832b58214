import { localize, type Language } from '../i18n/language.js';
import type { Figures } from './figures.js';
import type { GroupNode, MeasureInfo, ReportResult } from './report-result.js';

/** A report's result as one table (a header and rows of cells): what CSV and XLSX exports write. */
export interface ReportTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
  /** The measures' columns, for number formats: the column's index and its measure. */
  readonly measureColumns: ReadonlyMap<number, MeasureInfo>;
}

const TOTAL = { en: 'Grand total', 'zh-CN': '总计' } as const;
const SUBTOTAL = { en: 'Subtotal', 'zh-CN': '小计' } as const;

/**
 * Tabular: the columns and records. Summary: a column per level then per measure, a row per group
 * depth first with its parents' labels, each group's subtotal on its own row, the grand total
 * last. Matrix: the row levels, then each leaf column group's measures and the row's total.
 */
export function reportTable(result: ReportResult, language: Language): ReportTable {
  const words = { total: localize(TOTAL, language), subtotal: localize(SUBTOTAL, language) };
  const measures = result.measures;
  const measureColumns = new Map<number, MeasureInfo>();
  if (result.report.type === 'tabular') {
    const header = [...result.columns.map((column) => column.label)];
    const rows = result.rows.map((row) => result.columns.map((column) => row.labels[column.key] ?? row.values[column.key] ?? null));
    if (measures.length > 0) {
      measures.forEach((measure, i) => measureColumns.set(i + 1, measure));
      return { header, rows: [...rows, [words.total, ...measures.map((measure) => result.total[measure.key])]], measureColumns };
    }
    return { header, rows, measureColumns };
  }
  const levels = result.groupings.length;
  const header = result.groupings.map((level) => level.label);
  if (result.report.type === 'summary') {
    measures.forEach((measure, i) => measureColumns.set(levels + i, measure));
    const rows: unknown[][] = [];
    const walk = (nodes: readonly GroupNode[], labels: string[]) => {
      for (const node of nodes) {
        const path = [...labels, node.label];
        if (node.groups) {
          walk(node.groups, path);
          rows.push([...padded(path, levels, `${words.subtotal}: ${node.label}`), ...values(node.values)]);
        } else rows.push([...padded(path, levels), ...values(node.values)]);
      }
    };
    walk(result.groups, []);
    rows.push([...padded([words.total], levels), ...values(result.total)]);
    return { header: [...header, ...measures.map((measure) => measure.label)], rows, measureColumns };

    function values(figures: Figures): unknown[] {
      return measures.map((measure) => figures[measure.key] ?? null);
    }
  }
  const columnLeaves = leaves(result.columnGroups);
  const cells = new Map(result.cells.map((cell) => [JSON.stringify([cell.row, cell.column]), cell.values]));
  const matrixHeader = [...header];
  for (const leaf of [...columnLeaves, { keys: [], label: words.total }]) {
    for (const measure of measures) {
      measureColumns.set(matrixHeader.length, measure);
      matrixHeader.push(measures.length > 1 ? `${leaf.label} · ${measure.label}` : leaf.label);
    }
  }
  const rows: unknown[][] = [];
  const walk = (nodes: readonly GroupNode[], keys: unknown[], labels: string[]) => {
    for (const node of nodes) {
      const path = [...keys, node.key];
      const shown = [...labels, node.label];
      if (node.groups) walk(node.groups, path, shown);
      const figures = columnLeaves.flatMap((leaf) => measures.map((measure) => cells.get(JSON.stringify([path, leaf.keys]))?.[measure.key] ?? null));
      rows.push([...padded(shown, levels, node.groups ? `${words.subtotal}: ${node.label}` : undefined), ...figures, ...measures.map((measure) => node.values[measure.key] ?? null)]);
    }
  };
  walk(result.groups, [], []);
  const totals = columnLeaves.flatMap((leaf) => measures.map((measure) => findNode(result.columnGroups, leaf.keys)?.values[measure.key] ?? null));
  rows.push([...padded([words.total], levels), ...totals, ...measures.map((measure) => result.total[measure.key] ?? null)]);
  return { header: matrixHeader, rows, measureColumns };
}

/** The labels of a row in the level columns: its parents' and its own, or a subtotal's words in its own level's place. */
function padded(labels: readonly string[], levels: number, subtotal?: string): string[] {
  const cells = subtotal ? [...labels.slice(0, -1), subtotal] : [...labels];
  while (cells.length < levels) cells.push('');
  return cells;
}

function leaves(nodes: readonly GroupNode[], keys: unknown[] = [], labels: string[] = []): { keys: unknown[]; label: string }[] {
  return nodes.flatMap((node) => (node.groups ? leaves(node.groups, [...keys, node.key], [...labels, node.label]) : [{ keys: [...keys, node.key], label: [...labels, node.label].join(' / ') }]));
}

function findNode(nodes: readonly GroupNode[], keys: readonly unknown[]): GroupNode | undefined {
  let current: GroupNode | undefined;
  let list = nodes;
  for (const key of keys) {
    current = list.find((node) => JSON.stringify(node.key) === JSON.stringify(key));
    if (!current) return undefined;
    list = current.groups ?? [];
  }
  return current;
}
