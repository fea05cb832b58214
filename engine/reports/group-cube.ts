import type { ResolvedGrouping } from '../metadata/reports/report-parts.js';
import { emptyPartial, mergePartial, type Partial } from './figures.js';

/** The records of one combination of the levels' keys, with what each measure gathered over them. */
export interface Cell {
  readonly rowKeys: readonly unknown[];
  readonly columnKeys: readonly unknown[];
  readonly partials: Partial[];
}

/**
 * Every subtotal of a report at once: each leaf (a key for every row and column level) adds into
 * each of its prefixes, row prefix by column prefix. A summary has no column levels, so its cells
 * are the groups of each level and the grand total (both prefixes empty); a matrix's are its cells,
 * row and column subtotals, and the grand total.
 */
export class GroupCube {
  private readonly cells = new Map<string, Cell>();

  constructor(
    private readonly rowLevels: number,
    private readonly columnLevels: number,
    private readonly measures: number,
  ) {}

  add(keys: readonly unknown[], partials: readonly Partial[]): void {
    const rows = keys.slice(0, this.rowLevels);
    const columns = keys.slice(this.rowLevels);
    for (let p = 0; p <= this.rowLevels; p++) {
      for (let q = 0; q <= this.columnLevels; q++) {
        const cell = this.cell(rows.slice(0, p), columns.slice(0, q));
        partials.forEach((partial, i) => mergePartial(cell.partials[i]!, partial));
      }
    }
  }

  /** The cell of these key prefixes, made empty the first time. */
  cell(rowKeys: readonly unknown[], columnKeys: readonly unknown[]): Cell {
    const id = JSON.stringify([rowKeys, columnKeys]);
    let cell = this.cells.get(id);
    if (!cell) this.cells.set(id, (cell = { rowKeys, columnKeys, partials: Array.from({ length: this.measures }, emptyPartial) }));
    return cell;
  }

  find(rowKeys: readonly unknown[], columnKeys: readonly unknown[]): Cell | undefined {
    return this.cells.get(JSON.stringify([rowKeys, columnKeys]));
  }

  /** The cells with row keys of length `p` and column keys of length `q`. */
  at(p: number, q: number): Cell[] {
    return [...this.cells.values()].filter((cell) => cell.rowKeys.length === p && cell.columnKeys.length === q);
  }
}

/** A node of a tree of groups: one level's key under its parents', with its subtotal and the next level's groups. */
export interface TreeNode<F> {
  readonly key: unknown;
  readonly label: string;
  readonly values: F;
  groups?: TreeNode<F>[];
}

/**
 * The tree of one side (rows or columns) of the cube: level by level, each group's children are
 * those whose keys start with its own, ordered as the level says. `subtotal` reads a prefix's cell.
 */
export function groupTree<F extends Record<string, unknown>>(
  levels: readonly ResolvedGrouping[],
  cells: (depth: number) => { keys: readonly unknown[]; values: F }[],
  labels: readonly ReadonlyMap<unknown, string>[],
  rank: (level: number, key: unknown) => number,
): TreeNode<F>[] {
  const byParent = new Map<string, TreeNode<F>[]>();
  for (let depth = levels.length; depth >= 1; depth--) {
    const level = levels[depth - 1]!;
    for (const { keys, values } of cells(depth)) {
      const key = keys[depth - 1];
      const children = byParent.get(JSON.stringify(keys));
      const node: TreeNode<F> = { key, label: labels[depth - 1]!.get(key) ?? String(key), values, ...(children ? { groups: children } : {}) };
      const parent = JSON.stringify(keys.slice(0, depth - 1));
      byParent.set(parent, [...(byParent.get(parent) ?? []), node]);
    }
    for (const [parent, siblings] of byParent) {
      if (JSON.parse(parent).length === depth - 1) siblings.sort(compareBy(level, depth - 1, rank));
    }
  }
  return byParent.get('[]') ?? [];
}

/** The order of one level's siblings: by label (its rank), count or a measure; empty keys last; ties by label. */
function compareBy<F extends Record<string, unknown>>(level: ResolvedGrouping, index: number, rank: (level: number, key: unknown) => number) {
  const { by, direction } = level.order;
  return (a: TreeNode<F>, b: TreeNode<F>): number => {
    const byLabel = () => {
      if (a.key === null) return b.key === null ? 0 : 1;
      if (b.key === null) return -1;
      const ra = rank(index, a.key);
      const rb = rank(index, b.key);
      return ra !== rb ? ra - rb : a.label.localeCompare(b.label);
    };
    if (by === 'label') return a.key === null || b.key === null ? byLabel() : direction * byLabel();
    const x = a.values[by] as number | string | null;
    const y = b.values[by] as number | string | null;
    if (x === y) return byLabel();
    if (x === null) return 1;
    if (y === null) return -1;
    return direction * (x < y ? -1 : 1);
  };
}
