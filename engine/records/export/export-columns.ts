import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { fieldAccess, recordAccess } from '../../security/access/index.js';
import type { OperationContext } from '../../tenancy/index.js';
import { parseExpand, type Reference } from '../expand.js';
import type { RecordView } from '../record.js';

/** One column of an export: its header and where each record's cell comes from. */
export interface ExportColumn {
  readonly header: string;
  /** The record's own field, or a field of the parent embedded under `_expanded[relation]`. */
  readonly relation?: string;
  readonly field: string;
}

/** What the export asks the list for, and the columns it writes. */
export interface ExportPlan {
  readonly columns: readonly ExportColumn[];
  /** The record's own fields to list (undefined: all); the sources of the relations are added by the list. */
  readonly fields?: string;
  /** The relations to embed, as the list's `expand`. */
  readonly expand?: string;
}

const SYSTEM_COLUMNS = ['_owner', '_createdAt', '_createdBy', '_updatedAt', '_updatedBy'];

function splitNames(input: string | undefined): string[] {
  return [...new Set((input ?? '').split(',').map((name) => name.trim()).filter(Boolean))];
}

/**
 * The columns of an export, as the list reads them. `fields=name,account.name` names the record's
 * own fields and, with a dot, a field of a parent (which expands that relation); `expand=account`
 * without parent columns adds every field of the parent the user may read, as `account.<field>`.
 * A parent's fields are checked against the parent's field security like the record's own: a
 * hidden one is unknown, and the parent object must be readable (403 otherwise, as for `expand`).
 */
export async function planExport(ctx: OperationContext, object: CompiledObject, request: { fields?: string; expand?: string }): Promise<ExportPlan> {
  const hidden = fieldAccess(ctx, object).hidden;
  const names = splitNames(request.fields);
  const own = names.filter((name) => !name.includes('.'));
  const dotted = names.filter((name) => name.includes('.'));
  const asked = parseExpand(object, request.expand, hidden);
  const named = atPath('/fields', () => parseExpand(object, dotted.map((name) => name.slice(0, name.indexOf('.'))).join(','), hidden));
  const references = [...new Map([...asked, ...named].map((reference) => [reference.name, reference])).values()];
  const parents = new Map<string, { reference: Reference; target: CompiledObject; readable: string[] }>();
  for (const reference of references) {
    const target = ctx.snapshot.object(reference.target);
    if (!target) continue;
    await recordAccess(ctx, target, 'read');
    const parentHidden = fieldAccess(ctx, target).hidden;
    parents.set(reference.name, { reference, target, readable: target.object.fields.map((field) => field.name).filter((name) => !parentHidden.has(name)) });
  }

  const problems: ErrorDetail[] = [];
  const parentColumns: ExportColumn[] = [];
  for (const name of dotted) {
    const relation = name.slice(0, name.indexOf('.'));
    const field = name.slice(relation.length + 1);
    const parent = parents.get(relation);
    if (parent && parent.readable.includes(field)) parentColumns.push({ header: name, relation, field });
    else problems.push({ path: '/fields', message: `'${field}' is not a field of ${parent?.target.name ?? relation} (through ${relation})` });
  }
  if (problems.length > 0) throw new ValidationError(problems);

  if (request.fields !== undefined && names.length > 0) {
    // In the order asked for, parents' fields among the record's own.
    const chosen = names.filter((name) => name !== '_id').map((name) => parentColumns.find((column) => column.header === name) ?? { field: name, header: name });
    const columns = [{ field: '_id', header: '_id' }, ...chosen];
    return { columns, fields: own.join(',') || '_id', ...(references.length > 0 ? { expand: references.map((reference) => reference.name).join(',') } : {}) };
  }
  const ownColumns = ['_id', ...object.object.fields.map((field) => field.name).filter((name) => !hidden.has(name)), ...SYSTEM_COLUMNS].map((name) => ({ field: name, header: name }));
  const expanded = [...parents.values()].flatMap(({ reference, readable }) => readable.map((field) => ({ header: `${reference.name}.${field}`, relation: reference.name, field })));
  return { columns: [...ownColumns, ...expanded], ...(references.length > 0 ? { expand: references.map((reference) => reference.name).join(',') } : {}) };
}

/** Runs a parse whose problems belong to another parameter than the one it names. */
function atPath<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.details.map((detail) => ({ ...detail, path })));
    throw error;
  }
}

/** The value of one column in one listed record; a parent the user may not see (or none) gives an empty cell. */
export function columnValue(record: RecordView, column: ExportColumn): unknown {
  if (!column.relation) return record[column.field];
  const parent = (record._expanded as Record<string, Record<string, unknown> | null> | undefined)?.[column.relation];
  return parent ? parent[column.field] : undefined;
}
