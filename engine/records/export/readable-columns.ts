import { ValidationError } from '../../errors/index.js';
import type { OperationContext } from '../../context/index.js';
import type { ResolvedField } from '../../fields/index.js';
import { localize, type Language } from '../../i18n/language.js';
import { msg } from '../../i18n/message.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { reportField } from '../../metadata/reports/report-field.js';
import type { ExportColumn } from './export-columns.js';

/** The `labels` parameter: `true` writes headers and picklist values in the reader's language, `false` (the default) API names and stored values. */
export function parseLabelsFlag(input: string | undefined): boolean {
  if (input === undefined || input === '' || input === 'false') return false;
  if (input === 'true') return true;
  throw new ValidationError([{ path: '/labels', message: msg`must be 'true' or 'false', got '${input}'` }]);
}

/**
 * The columns as a person reads them (`labels=true`, what the web app's export asks for): each
 * header the field's label in the reader's language (a parent's field as "Account › Industry"),
 * and each picklist cell its value's label, as the list shows them. Integrations keep API names
 * and stored values, which a later import reads back unchanged; the import's mapping reads these
 * labels back too.
 */
export function readableColumns(ctx: OperationContext, object: CompiledObject, columns: readonly ExportColumn[]): ExportColumn[] {
  return columns.map((column) => {
    if (column.field === '_id' && !column.relation) return { ...column, header: 'ID' };
    const relation = column.relation ? object.field(column.relation) : undefined;
    const owner = relation && (relation.type === 'lookup' || relation.type === 'masterdetail') ? ctx.snapshot.object(relation.target) : object;
    const field = owner ? reportField(owner, column.field) : undefined;
    if (!field) return column;
    const label = localize(field.label, ctx.language, column.field);
    const header = relation ? `${localize(relation.label, ctx.language, relation.name)} › ${label}` : label;
    const choices = column.parentName ? undefined : picklistLabels(field.field, ctx.language);
    return { ...column, header, ...(choices ? { choices } : {}) };
  });
}

function picklistLabels(field: ResolvedField | undefined, language: Language): ReadonlyMap<string, string> | undefined {
  if (field?.type !== 'picklist' && field?.type !== 'multipicklist') return undefined;
  return new Map(field.values.map((entry) => [entry.value, localize(entry.label, language, entry.value)]));
}
