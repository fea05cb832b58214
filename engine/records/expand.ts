import { ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { ResolvedLookupField, ResolvedMasterDetailField } from '../fields/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { OperationContext } from '../context/index.js';
import { presentRecord, type RecordView } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { fieldAccess, recordAccess, withAccess } from '../security/access/index.js';
import { NO_FIELDS } from '../metadata/query/list-query.js';
import { unknownName } from '../metadata/query/unknown-name.js';

/** One relation to embed: under `name`, the `target` record whose id the record holds in `source`. */
export interface Reference {
  readonly name: string;
  readonly source: string;
  readonly target: string;
}

/** The system fields that hold user ids, embeddable as users; `owner` is the usual name for `_owner`. */
const USER_FIELDS: ReadonlyMap<string, string> = new Map([
  ['owner', '_owner'],
  ['_owner', '_owner'],
  ['_createdBy', '_createdBy'],
  ['_updatedBy', '_updatedBy'],
]);

/** `expand=account,owner` → the relations to embed: lookup fields and the user fields; anything else is refused. */
export function parseExpand(object: CompiledObject, input: string | undefined, hidden: ReadonlySet<string> = NO_FIELDS): Reference[] {
  if (input === undefined || input.trim() === '') return [];
  const references: Reference[] = [];
  for (const name of new Set(input.split(',').map((part) => part.trim()).filter(Boolean))) {
    const field = hidden.has(name) ? undefined : object.field(name);
    const userField = object.field(name) ? undefined : USER_FIELDS.get(name);
    if (field && (field.type === 'lookup' || field.type === 'masterdetail')) {
      references.push(fieldReference(field));
    } else if (userField) {
      references.push({ name, source: userField, target: 'user' });
    } else {
      const candidates = expandableReferences(object).map((reference) => reference.name).filter((candidate) => !hidden.has(candidate));
      throw new ValidationError([unknownName('expand', name, msg`a lookup or master-detail field of ${object.name}, nor owner, _createdBy or _updatedBy`, candidates)]);
    }
  }
  return references;
}

function fieldReference(field: ResolvedLookupField | ResolvedMasterDetailField): Reference {
  return { name: field.name, source: field.name, target: field.target };
}

/** Every relation `expand` can embed for the object: its lookups, then the user fields every record has. */
export function expandableReferences(object: CompiledObject): Reference[] {
  const lookups = object.object.fields.flatMap((field) => (field.type === 'lookup' || field.type === 'masterdetail' ? [fieldReference(field)] : []));
  return [...lookups, ...['owner', '_createdBy', '_updatedBy'].map((name) => ({ name, source: USER_FIELDS.get(name)!, target: 'user' }))];
}

/** A field selection with the expanded fields added: a parent is embedded beside its id, never instead of it. */
export function withExpanded(selection: ReadonlySet<string> | undefined, fields: readonly Reference[]): ReadonlySet<string> | undefined {
  return selection && fields.length > 0 ? new Set([...selection, ...fields.map((field) => field.source)]) : selection;
}

/**
 * Embeds the parents each record points at under `_expanded`, with one query per relation for
 * the whole page (never one per record). The id stays in its field, so the record's shape does
 * not change with the query; an empty field, a parent that no longer exists and a parent the user
 * may not see are all embedded as null. Expanding needs the read permission on the parent object.
 */
export async function expandRecords(ctx: OperationContext, records: RecordView[], fields: readonly Reference[]): Promise<void> {
  for (const field of fields) {
    const target = ctx.snapshot.object(field.target);
    if (!target) continue;
    const access = await recordAccess(ctx, target, 'read');
    const hidden = fieldAccess(ctx, target).hidden;
    const ids = [...new Set(records.map((record) => record[field.source]).filter((id): id is string => typeof id === 'string'))];
    const parents = ids.length === 0 ? [] : await ctx.tenant.store.collection(target.collection).find(alive(withAccess({ _id: { $in: ids } }, access)));
    const byId = new Map(parents.map((parent) => [parent._id, presentRecord(parent, undefined, hidden)]));
    for (const record of records) {
      const id = record[field.source];
      // Every relation asked for is there, null when the field is empty, so the shape is one.
      const expanded = (record._expanded ?? {}) as Record<string, unknown>;
      expanded[field.name] = typeof id === 'string' ? (byId.get(id) ?? null) : null;
      record._expanded = expanded;
    }
  }
}
