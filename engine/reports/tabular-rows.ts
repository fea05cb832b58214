import type { OperationContext } from '../context/index.js';
import { localize } from '../i18n/language.js';
import { parseSort } from '../metadata/query/list-query.js';
import type { Filter, SortSpec } from '../store/port.js';
import { fieldAccess } from '../security/access/index.js';
import { parentValues, recordNames } from './level-values.js';
import type { ReadableReport } from './readable-report.js';
import type { TabularRow } from './report-result.js';

const DEFAULT_LIMIT = 2000;

/**
 * The records of a tabular report with their columns (parents' fields read one query per step of
 * their path, under the reader's access), in the report's order (newest first by default).
 */
export async function tabularRows(ctx: OperationContext, readable: ReadableReport, match: Filter): Promise<{ rows: TabularRow[]; truncated: boolean }> {
  const { report, columns } = readable;
  const object = report.object;
  const hidden = fieldAccess(ctx, object).hidden;
  const limit = report.definition.limit ?? DEFAULT_LIMIT;
  const sortKeys = (report.definition.sort ?? []).filter((key) => !hidden.has(key.replace(/^-/, '')));
  const sort: SortSpec = sortKeys.length > 0 ? parseSort(object, sortKeys.join(','), hidden) : { _createdAt: -1 };
  const projection = Object.fromEntries([['_id', 1], ...columns.map((column) => [column.steps[0]!.field.name, 1])]);
  const found = await ctx.tenant.store.collection(object.collection).find(match, { sort: { ...sort, _id: 1 }, limit: limit + 1, projection });
  const records = found.slice(0, limit) as Record<string, unknown>[];
  const values = await Promise.all(
    columns.map(async (column) => {
      const source = column.steps[0]!.field.name;
      const read = (record: Record<string, unknown>) => record[source] ?? null;
      if (column.steps.length === 1) return read;
      const parents = await parentValues(ctx, column, new Set(records.map(read)));
      return (record: Record<string, unknown>) => parents.get(read(record) as string) ?? null;
    }),
  );
  const names = await Promise.all(
    columns.map((column, i) => (column.field.target ? recordNames(ctx, column.field.target, new Set(records.map((record) => values[i]!(record)))) : undefined)),
  );
  const rows = records.map((record) => {
    const row: TabularRow = { _id: record._id as string, values: {}, labels: {} };
    columns.forEach((column, i) => {
      const value = values[i]!(record);
      row.values[column.path] = value;
      const field = column.field.field;
      const label = field?.type === 'picklist' && typeof value === 'string' ? localize(field.values.find((entry) => entry.value === value)?.label, ctx.language, value) : names[i]?.get(value as string);
      if (label !== undefined) row.labels[column.path] = label;
    });
    return row;
  });
  return { rows, truncated: found.length > limit };
}
