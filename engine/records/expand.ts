import { ValidationError } from '../errors/index.js';
import type { ResolvedLookupField, ResolvedMasterDetailField } from '../fields/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { OperationContext } from '../tenancy/index.js';
import { presentRecord, type RecordView } from './record.js';
import { alive } from './record-state.js';

type Reference = ResolvedLookupField | ResolvedMasterDetailField;

/** `expand=account,supplier` → the lookup fields to embed; anything else is refused. */
export function parseExpand(object: CompiledObject, input: string | undefined): Reference[] {
  if (input === undefined || input.trim() === '') return [];
  const fields: Reference[] = [];
  for (const name of new Set(input.split(',').map((part) => part.trim()).filter(Boolean))) {
    const field = object.field(name);
    if (!field || (field.type !== 'lookup' && field.type !== 'masterdetail')) {
      throw new ValidationError([{ path: '/expand', message: `'${name}' is not a lookup or master-detail field of ${object.name}` }]);
    }
    fields.push(field);
  }
  return fields;
}

/** A field selection with the expanded fields added: a parent is embedded beside its id, never instead of it. */
export function withExpanded(selection: ReadonlySet<string> | undefined, fields: readonly Reference[]): ReadonlySet<string> | undefined {
  return selection && fields.length > 0 ? new Set([...selection, ...fields.map((field) => field.name)]) : selection;
}

/**
 * Embeds the parents each record points at under `_expanded`, with one query per relation for
 * the whole page (never one per record). The id stays in its field, so the record's shape does
 * not change with the query; an empty field or a parent that no longer exists is embedded as null.
 */
export async function expandRecords(ctx: OperationContext, records: RecordView[], fields: readonly Reference[]): Promise<void> {
  for (const field of fields) {
    const target = ctx.snapshot.object(field.target);
    if (!target) continue;
    const ids = [...new Set(records.map((record) => record[field.name]).filter((id): id is string => typeof id === 'string'))];
    const parents = ids.length === 0 ? [] : await ctx.tenant.store.collection(target.collection).find(alive({ _id: { $in: ids } }));
    const byId = new Map(parents.map((parent) => [parent._id, presentRecord(parent)]));
    for (const record of records) {
      const id = record[field.name];
      // Every relation asked for is there, null when the field is empty, so the shape is one.
      const expanded = (record._expanded ?? {}) as Record<string, unknown>;
      expanded[field.name] = typeof id === 'string' ? (byId.get(id) ?? null) : null;
      record._expanded = expanded;
    }
  }
}
