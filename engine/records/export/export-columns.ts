import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { fieldAccess, recordAccess, userAccess } from '../../security/access/index.js';
import type { OperationContext } from '../../context/index.js';
import { parseExpand, type Reference } from '../expand.js';
import type { RecordView } from '../../metadata/record-shape/record.js';
import { nameField } from '../search/name-field.js';
import { msg } from '../../i18n/message.js';

/** One column of an export: its header and where each record's cell comes from. */
export interface ExportColumn {
  readonly header: string;
  /** The record's own field, or a field of the parent embedded under `_expanded[relation]`. */
  readonly relation?: string;
  readonly field: string;
  /**
   * A lookup written as its parent's name: the parent's field that names it (embedded under
   * `_expanded[field]`); the cell holds the id where the parent is not visible to the user.
   */
  readonly parentName?: string;
  /** A picklist written as its values' labels (`labels=true`): label by stored value. */
  readonly choices?: ReadonlyMap<string, string>;
}

/** How the export writes a lookup's own column: its parent's id (the default) or its parent's name. */
export type LookupCells = 'id' | 'name';

/** The `lookups` parameter: `id` or `name`, nothing else. */
export function parseLookupCells(input: string | undefined): LookupCells {
  if (input === undefined || input === 'id' || input === 'name') return input ?? 'id';
  throw new ValidationError([{ path: '/lookups', message: msg`must be 'id' or 'name', got '${input}'` }]);
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
export async function planExport(ctx: OperationContext, object: CompiledObject, request: { fields?: string; expand?: string; lookups?: LookupCells }): Promise<ExportPlan> {
  const plan = await planColumns(ctx, object, request);
  return request.lookups === 'name' ? withParentNames(ctx, object, plan) : plan;
}

async function planColumns(ctx: OperationContext, object: CompiledObject, request: { fields?: string; expand?: string }): Promise<ExportPlan> {
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
    else problems.push({ path: '/fields', message: msg`'${field}' is not a field of ${parent?.target.name ?? relation} (through ${relation})` });
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

/**
 * The plan with each lookup column of the record's own written as the parent's name: where the
 * user may read the parent object and one of its text fields names it (as search names records),
 * the relation is embedded and its name written; otherwise the column keeps the id, as it would
 * without `lookups=name` (no 403 for a parent object the user may not read).
 */
function withParentNames(ctx: OperationContext, object: CompiledObject, plan: ExportPlan): ExportPlan {
  const hidden = fieldAccess(ctx, object).hidden;
  const expand = new Set(splitNames(plan.expand));
  const columns = plan.columns.map((column): ExportColumn => {
    const field = column.relation || hidden.has(column.field) ? undefined : object.field(column.field);
    if (!field || (field.type !== 'lookup' && field.type !== 'masterdetail')) return column;
    const target = ctx.snapshot.object(field.target);
    if (!target || !(ctx.principal.system || userAccess(ctx.snapshot, ctx.principal).object(target.name).read)) return column;
    const name = nameField(target, fieldAccess(ctx, target).hidden);
    if (!name) return column;
    expand.add(field.name);
    return { ...column, parentName: name.name };
  });
  return { ...plan, columns, ...(expand.size > 0 ? { expand: [...expand].join(',') } : {}) };
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
  if (column.parentName) {
    const parent = (record._expanded as Record<string, Record<string, unknown> | null> | undefined)?.[column.field];
    const name = parent?.[column.parentName];
    return name === undefined || name === null || name === '' ? record[column.field] : name;
  }
  const value = column.relation ? (record._expanded as Record<string, Record<string, unknown> | null> | undefined)?.[column.relation]?.[column.field] : record[column.field];
  return column.choices ? labelled(value, column.choices) : value;
}

function labelled(value: unknown, choices: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return choices.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'string' ? (choices.get(item) ?? item) : item));
  return value;
}
