import { formatCell, type GroupNode, type MeasureInfo, type ReportResult } from './report-result';

interface FiguresTableProps {
  readonly result: ReportResult;
  readonly caption: string;
  readonly totalLabel: string;
  readonly format: (value: number | string | null | undefined, measure: MeasureInfo) => string;
  /** The reader's locale, for a tabular report's numbers and times. */
  readonly locale: string;
  /** Shown to everyone, or kept for screen readers only (under a chart). */
  readonly visible: boolean;
  /** Opens the records behind a group, given its keys from the outermost level; none: labels are plain text. */
  readonly onDrill?: (keys: readonly unknown[], label: string) => void;
  /** The words of a group's drill button: "Show the records of {{label}}". */
  readonly drillLabel?: (label: string) => string;
}

/**
 * The figures of a result as a table: the numbers behind a chart, for screen readers and for anyone
 * who wants them as numbers. Summaries nest their levels (a row per group, indented by level);
 * matrices show a column per column group of the first measure; tabular reports their rows.
 */
export function FiguresTable({ result, caption, totalLabel, format, locale, visible, onDrill, drillLabel }: FiguresTableProps) {
  const measures = result.measures;
  const className = visible ? 'figures-table' : 'figures-table sr-only';
  if (result.report.type === 'tabular') {
    return (
      <table className={className}>
        <caption>{caption}</caption>
        <thead>
          <tr>{result.columns.map((column) => <th key={column.key} scope="col">{column.label}</th>)}</tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr key={row._id}>{result.columns.map((column) => <td key={column.key}>{formatCell(row.values[column.key], row.labels[column.key], column.type, locale)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    );
  }
  const rows: { node: GroupNode; depth: number; keys: unknown[] }[] = [];
  const walk = (nodes: readonly GroupNode[], depth: number, keys: unknown[]) =>
    nodes.forEach((node) => {
      rows.push({ node, depth, keys: [...keys, node.key] });
      walk(node.groups ?? [], depth + 1, [...keys, node.key]);
    });
  walk(result.groups, 0, []);
  const matrix = result.report.type === 'matrix';
  const first = measures[0];
  const cell = (row: GroupNode, column: GroupNode) => result.cells.find((one) => JSON.stringify(one.row) === JSON.stringify([row.key]) && JSON.stringify(one.column) === JSON.stringify([column.key]));
  return (
    <table className={className}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{result.groupings.map((level) => level.label).join(' / ')}</th>
          {matrix && first ? result.columnGroups.map((column) => <th key={String(column.key)} scope="col">{column.label}</th>) : null}
          {measures.map((measure) => <th key={measure.key} scope="col">{measure.label}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ node, depth, keys }, index) => (
          <tr key={index} className={`figures-depth-${depth}`}>
            <th scope="row" style={{ paddingInlineStart: `${0.5 + depth * 1.25}em` }}>
              {onDrill ? (
                <button type="button" className="figures-drill" aria-label={drillLabel?.(node.label)} onClick={() => onDrill(keys, node.label)}>
                  {node.label}
                </button>
              ) : (
                node.label
              )}
            </th>
            {matrix && first && depth === 0 ? result.columnGroups.map((column) => <td key={String(column.key)}>{format(cell(node, column)?.values[first.key], first)}</td>) : null}
            {matrix && first && depth > 0 ? result.columnGroups.map((column) => <td key={String(column.key)} />) : null}
            {measures.map((measure) => <td key={measure.key}>{format(node.values[measure.key], measure)}</td>)}
          </tr>
        ))}
        <tr className="figures-total">
          <th scope="row">{totalLabel}</th>
          {matrix && first ? result.columnGroups.map((column) => <td key={String(column.key)}>{format(column.values[first.key], first)}</td>) : null}
          {measures.map((measure) => <td key={measure.key}>{format(result.total[measure.key], measure)}</td>)}
        </tr>
      </tbody>
    </table>
  );
}
