import { ForbiddenError, ValidationError, type ErrorDetail } from '../../errors/index.js';
import { fieldTypeOf, type ResolvedField } from '../../fields/index.js';
import { localize } from '../../i18n/language.js';
import { hasChineseCharacters } from '../../i18n/traditional.js';
import { msg } from '../../i18n/message.js';
import type { OperationContext } from '../../context/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { fieldAccess, userAccess } from '../../security/access/index.js';
import { nameField } from '../search/name-field.js';
import type { ColumnMapping, ImportSettings } from './import-doc.js';

/** A column header or a label as compared: width, case, spaces and punctuation aside (`Close date` = `close_date` = `CLOSE-DATE`). */
export function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-.:：*()（）【】[\]'"]/g, '');
}

/** A mapping a user saved for an object, by the comparable form of each column's header. */
export type SavedColumns = Readonly<Record<string, { field: string; match?: string }>>;

/**
 * The field each column most likely fills: the user's saved mapping for the object first, then a
 * field's API name or its label in English, Simplified or Traditional Chinese (客户名称 and
 * 客戶名稱 alike, as a zh-TW export writes it); a header `account.erp_code` (as an export writes a
 * parent's field) fills the lookup `account`, matched by that field of the parent. Only fields
 * the user may edit, each one once; `_id` is offered for updates.
 */
export function suggestMapping(ctx: OperationContext, object: CompiledObject, headers: readonly string[], saved: SavedColumns = {}): ColumnMapping[] {
  const { editable } = fieldAccess(ctx, object);
  const importable = object.object.fields.filter((field) => editable.has(field.name) && fieldTypeOf(field).writable && parentReadable(ctx, field));
  const byName = new Map<string, ResolvedField>();
  // Traditional labels are converted from the Simplified ones unless written: only for a file with Chinese headers.
  const traditional = headers.some(hasChineseCharacters);
  for (const field of importable) {
    for (const name of [field.name, field.label.en, field.label['zh-CN'], ...(traditional ? [localize(field.label, 'zh-TW')] : [])]) if (!byName.has(comparable(name))) byName.set(comparable(name), field);
  }
  const taken = new Set<string>();
  const mapping: ColumnMapping[] = [];
  for (const column of new Set(headers)) {
    const key = comparable(column);
    if (key === '') continue;
    const remembered = saved[key];
    const suggestion = remembered && importable.some((field) => field.name === remembered.field) ? remembered : key === '_id' ? { field: '_id' } : guess(ctx, object, column, byName);
    if (!suggestion || taken.has(suggestion.field)) continue;
    taken.add(suggestion.field);
    mapping.push({ column, ...suggestion });
  }
  return mapping;
}

/** A lookup is offered only where the user may read the parent object, in which its cells look the parents up. */
function parentReadable(ctx: OperationContext, field: ResolvedField): boolean {
  if (field.type !== 'lookup' && field.type !== 'masterdetail') return true;
  return ctx.principal.system === true || userAccess(ctx.snapshot, ctx.principal).object(field.target).read;
}

function guess(ctx: OperationContext, object: CompiledObject, column: string, byName: ReadonlyMap<string, ResolvedField>): { field: string; match?: string } | undefined {
  const field = byName.get(comparable(column));
  if (field) return { field: field.name };
  const dot = column.indexOf('.');
  if (dot <= 0) return undefined;
  const parent = byName.get(comparable(column.slice(0, dot)));
  if (!parent || (parent.type !== 'lookup' && parent.type !== 'masterdetail')) return undefined;
  const target = ctx.snapshot.object(parent.target);
  const by = column.slice(dot + 1).trim();
  if (!target) return undefined;
  if (by === '_id') return { field: parent.name, match: '_id' };
  if (target.field(by)?.externalId) return { field: parent.name, match: by };
  return nameField(target, fieldAccess(ctx, target).hidden)?.name === by ? { field: parent.name, match: 'name' } : undefined;
}

/** A column of the file as a dry run and a run read it. */
export interface MappedColumn {
  readonly index: number;
  readonly column: string;
  readonly field: ResolvedField | '_id';
  readonly match: string;
}

/**
 * The mapping checked before a dry run or a run, against the file's headers and what the user may
 * edit: 400 for a column the file does not have, a field the object does not have or the platform
 * computes, a field filled twice, a match that is not the parent's name or external id, a mode
 * without the columns it matches by; 403 naming the fields the user may not edit.
 */
export function checkMapping(ctx: OperationContext, object: CompiledObject, headers: readonly string[], settings: ImportSettings): MappedColumn[] {
  const { editable, hidden } = fieldAccess(ctx, object);
  const problems: ErrorDetail[] = [];
  const refused: ErrorDetail[] = [];
  const columns: MappedColumn[] = [];
  const filled = new Set<string>();
  settings.mapping.forEach((entry, i) => {
    const path = `/mapping/${i}`;
    const index = headers.indexOf(entry.column);
    if (index < 0) problems.push({ path: `${path}/column`, message: msg`the file has no column '${entry.column}'` });
    if (filled.has(entry.field)) problems.push({ path: `${path}/field`, message: msg`'${entry.field}' is filled by another column already` });
    filled.add(entry.field);
    if (entry.field === '_id') {
      if (settings.mode !== 'update') problems.push({ path: `${path}/field`, message: msg`_id names the records to update: map it only in update mode` });
      columns.push({ index, column: entry.column, field: '_id', match: '_id' });
      return;
    }
    const field = hidden.has(entry.field) ? undefined : object.field(entry.field);
    if (!field) {
      problems.push({ path: `${path}/field`, message: msg`'${entry.field}' is not a field of ${object.name}` });
      return;
    }
    if (!fieldTypeOf(field).writable || field.type === 'formula' || field.type === 'rollup') {
      problems.push({ path: `${path}/field`, message: msg`'${field.name}' is computed by the platform and cannot be imported` });
      return;
    }
    if (!editable.has(field.name)) refused.push({ path: `${path}/field`, message: msg`'${field.name}' is a field you may not edit` });
    columns.push({ index, column: entry.column, field, match: parentMatch(ctx, field, entry, `${path}/match`, problems) });
  });
  const matchedBy = settings.externalId ?? (settings.mode === 'update' ? '_id' : undefined);
  if (matchedBy !== undefined && !filled.has(matchedBy)) {
    problems.push({ path: '/mapping', message: msg`map a column to ${matchedBy}: the records are matched by it` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  if (refused.length > 0) throw new ForbiddenError(msg`You may not edit ${refused.length} of the fields mapped: map those columns to nothing.`, refused);
  return columns;
}

/** How a lookup's cells name their parent: `name` by default, `_id`, or an external-id field of the parent object. */
function parentMatch(ctx: OperationContext, field: ResolvedField, entry: ColumnMapping, path: string, problems: ErrorDetail[]): string {
  if (field.type !== 'lookup' && field.type !== 'masterdetail') {
    if (entry.match !== undefined) problems.push({ path, message: msg`only a lookup or master-detail column matches a parent` });
    return '';
  }
  const match = entry.match ?? 'name';
  const target = ctx.snapshot.object(field.target);
  if (match === 'name' || match === '_id' || target?.field(match)?.externalId) return match;
  const flagged = target?.object.fields.filter((candidate) => candidate.externalId).map((candidate) => candidate.name) ?? [];
  problems.push({ path, message: msg`must be name, _id or an external id of ${field.target} (${flagged.join(', ') || msg`it has none`}), got '${match}'` });
  return match;
}
