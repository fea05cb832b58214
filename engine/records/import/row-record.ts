import { ForbiddenError, ValidationError, type ErrorDetail } from '../../errors/index.js';
import type { ResolvedField } from '../../fields/index.js';
import { msg } from '../../i18n/message.js';
import type { OperationContext } from '../../context/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { fieldAccess, recordAccess, withAccess, type RecordAccess } from '../../security/access/index.js';
import type { Collections } from '../../store/port.js';
import { nameField } from '../search/name-field.js';
import { normalizeValues } from '../validate-values.js';
import { cellValue, type CellFormats } from './cell-values.js';
import type { MappedColumn } from './column-mapping.js';
import type { Cell } from './read-table.js';

/** How the parents a column names are found: by which field of which object, among the records the user may read. */
interface ParentSearch {
  readonly target: CompiledObject;
  /** The parent's field compared with the cell; `_id` takes the cell as the id. */
  readonly by: string;
  readonly access: RecordAccess;
}

/**
 * Turns rows of the file into records to write, column by column, finding each parent a lookup
 * column names among the records the user may read (403 before any row when they may not read
 * the parent object at all). Parents found are remembered for the rest of the import.
 */
export class RowReader {
  private readonly found = new Map<string, string>();

  private constructor(
    private readonly ctx: OperationContext,
    private readonly columns: readonly MappedColumn[],
    private readonly formats: CellFormats,
    private readonly parents: ReadonlyMap<string, ParentSearch>,
  ) {}

  static async open(ctx: OperationContext, columns: readonly MappedColumn[], formats: CellFormats): Promise<RowReader> {
    const parents = new Map<string, ParentSearch>();
    for (const column of columns) {
      if (column.field === '_id' || (column.field.type !== 'lookup' && column.field.type !== 'masterdetail')) continue;
      const target = ctx.snapshot.object(column.field.target);
      if (!target) continue;
      let access: RecordAccess;
      try {
        access = await recordAccess(ctx, target, 'read');
      } catch (error) {
        if (!(error instanceof ForbiddenError)) throw error;
        throw new ForbiddenError(msg`Column '${column.column}' names ${target.name} records, which you may not read: map it to nothing, or ask for the right to read them.`, [{ path: `/mapping`, message: msg`you may not read ${target.name} records` }]);
      }
      const by = column.match === 'name' ? (nameField(target, fieldAccess(ctx, target).hidden)?.name ?? '_id') : column.match;
      parents.set(column.field.name, { target, by, access });
    }
    return new RowReader(ctx, columns, formats, parents);
  }

  /**
   * The record a row holds, in the unit of work of its batch; a cell that cannot be read fails the
   * row (400, each problem at its field's path) before the write path sees it.
   */
  async record(tx: Collections, cells: readonly Cell[]): Promise<Record<string, unknown>> {
    const values: Record<string, unknown> = {};
    const problems: ErrorDetail[] = [];
    for (const column of this.columns) {
      const cell = cells[column.index] ?? null;
      if (column.field === '_id') {
        if (cell !== null && cell !== '') values._id = String(cell).trim();
        continue;
      }
      const read = cellValue(column.field, cell, this.formats);
      if (read === undefined) continue;
      const path = `/${column.field.name}`;
      if ('problem' in read) problems.push({ path, message: read.problem });
      else if ('value' in read) values[column.field.name] = read.value;
      else {
        const parent = await this.parent(tx, column.field, read.parent);
        if (typeof parent === 'string') values[column.field.name] = parent;
        else problems.push({ path, message: parent.problem });
      }
    }
    if (problems.length > 0) throw new ValidationError(problems);
    return values;
  }

  private async parent(tx: Collections, field: ResolvedField, text: string): Promise<string | { problem: ReturnType<typeof msg> }> {
    const search = this.parents.get(field.name)!;
    if (search.by === '_id') return text;
    const key = `${field.name}\u0000${text}`;
    const known = this.found.get(key);
    if (known) return known;
    const byField = search.target.field(search.by);
    const value = byField ? normalizeValues(search.target, { [search.by]: byField.type === 'number' && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text })[search.by] : text;
    const matches = await tx.collection<StoredRecord>(search.target.collection).find(alive(withAccess({ [search.by]: value }, search.access)), { limit: 2, projection: { _id: 1 } });
    if (matches.length === 0) return { problem: msg`no ${search.target.name} record you can see has ${search.by} '${text}'` };
    if (matches.length > 1) return { problem: msg`more than one ${search.target.name} record has ${search.by} '${text}': name it by an external id instead` };
    this.found.set(key, matches[0]!._id);
    return matches[0]!._id;
  }
}
