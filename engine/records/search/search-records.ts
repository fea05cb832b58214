import type { ResolvedField } from '../../fields/index.js';
import { localize } from '../../i18n/language.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { fieldAccess, recordAccess, userAccess, withAccess, type RecordAccess } from '../../security/access/index.js';
import type { Doc, Filter, Projection, SortSpec } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import { literalPattern } from '../../metadata/query/literal-pattern.js';
import { PLAIN_TEXT, plainTextPath } from '../../metadata/query/plain-text.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { fieldTypeOf } from '../../fields/index.js';
import { nameField } from './name-field.js';
import { RESULTS_PER_OBJECT } from './search-query.js';

/** Field types whose text the search looks into (besides the name field, whatever its type); rich text by its plain text. */
const TEXT_TYPES: ReadonlySet<string> = new Set(['text', 'longtext', 'email', 'phone', 'url', 'richtext']);
/** Most recently modified first; the id makes the order total. */
const RECENT_FIRST: SortSpec = { _updatedAt: -1, _id: 1 };
/** Characters of a matched field's value shown around the match. */
const SNIPPET_CONTEXT = 40;

/** How well a record matches, best first: its name is the text, starts with it, holds it; another field holds it. */
export type SearchRank = 'exact' | 'prefix' | 'name' | 'field';
const RANK_ORDER: Readonly<Record<SearchRank, number>> = { exact: 0, prefix: 1, name: 2, field: 3 };

export interface SearchResult {
  object: string;
  /** The object's label in the caller's language. */
  objectLabel: string;
  id: string;
  /** The record's name (its id when the name is empty or the object has no name field the caller may read). */
  name: string;
  rank: SearchRank;
  /** The field that matched, when it is not the name: its name, label and the text around the match. */
  matched?: { field: string; label: string; snippet: string };
}

interface Hit extends SearchResult {
  updatedAt: string;
}

/**
 * Global search: the name and text fields of every object the caller may read, with their record
 * access inside each store query (as lists have it) and the fields they may not read left out of
 * both the query and the answer. Each object yields at most RESULTS_PER_OBJECT hits, the best
 * first; all of them are ranked together and cut at `limit`.
 */
export async function searchRecords(ctx: OperationContext, text: string, limit: number): Promise<SearchResult[]> {
  const access = userAccess(ctx.snapshot, ctx.principal);
  const readable = [...ctx.snapshot.objects.values()].filter((object) => ctx.principal.system || access.object(object.name).read);
  const perObject = Math.min(limit, RESULTS_PER_OBJECT);
  const hits = (await Promise.all(readable.map((object) => searchObject(ctx, object, text, perObject)))).flat();
  hits.sort(
    (a, b) =>
      RANK_ORDER[a.rank] - RANK_ORDER[b.rank] ||
      b.updatedAt.localeCompare(a.updatedAt) ||
      a.object.localeCompare(b.object) ||
      a.id.localeCompare(b.id),
  );
  return hits.slice(0, limit).map(({ updatedAt: _updatedAt, ...result }) => result);
}

/**
 * One object's best hits. One query finds the records whose name holds the text; only when it
 * fills the object's share can better matches be missing behind more recent ones, and then the
 * exact, prefix and contains matches are asked for in that order. The other text fields come
 * last, for what room is left.
 */
async function searchObject(ctx: OperationContext, object: CompiledObject, text: string, limit: number): Promise<Hit[]> {
  const access = await recordAccess(ctx, object, 'read');
  const { hidden } = fieldAccess(ctx, object);
  const name = nameField(object, hidden);
  const others = object.object.fields.filter((field) => field !== name && TEXT_TYPES.has(field.type) && !hidden.has(field.name));
  const pattern = literalPattern(text);
  const found = new Map<string, Doc>();
  const find = async (filter: Filter, room: number) => {
    const excluded: Filter = found.size === 0 ? filter : { $and: [filter, { _id: { $nin: [...found.keys()] } }] };
    const records = await findRecords(ctx, object, access, excluded, room, [name, ...others]);
    for (const record of records) found.set(record._id, record);
    return records.length;
  };

  if (name) {
    const contains = { [name.name]: { $regex: pattern, $options: 'i' } };
    if ((await find(contains, limit)) === limit) {
      found.clear();
      for (const regex of [`^${pattern}$`, `^${pattern}`, pattern]) {
        if (found.size < limit) await find({ [name.name]: { $regex: regex, $options: 'i' } }, limit - found.size);
      }
    }
  }
  if (found.size < limit && others.length > 0) {
    await find({ $or: others.map((field) => ({ [searchedPath(field)]: { $regex: pattern, $options: 'i' } })) }, limit - found.size);
  }
  return [...found.values()].map((record) => hitOf(ctx, object, record, pattern, name, others));
}

function findRecords(ctx: OperationContext, object: CompiledObject, access: RecordAccess, filter: Filter, limit: number, fields: ReadonlyArray<ResolvedField | undefined>): Promise<Doc[]> {
  const projection: Projection = { _id: 1, _updatedAt: 1 };
  for (const field of fields) if (field) projection[searchedPath(field)] = 1;
  return ctx.tenant.store.collection(object.collection).find(alive(withAccess(filter, access)), { sort: RECENT_FIRST, limit, projection });
}

function hitOf(ctx: OperationContext, object: CompiledObject, record: Doc, pattern: string, name: ResolvedField | undefined, others: readonly ResolvedField[]): Hit {
  // The store's own test, so that the rank agrees with what the query matched.
  const holds = new RegExp(pattern, 'i');
  const nameValue = name ? record[name.name] : undefined;
  const nameText = typeof nameValue === 'string' || typeof nameValue === 'number' ? String(nameValue) : '';
  const base = {
    object: object.name,
    objectLabel: localize(object.object.label, ctx.language, object.name)!,
    id: record._id,
    name: nameText.trim() === '' ? record._id : nameText,
    updatedAt: typeof record._updatedAt === 'string' ? record._updatedAt : '',
  };
  if (new RegExp(`^${pattern}$`, 'i').test(nameText)) return { ...base, rank: 'exact' };
  if (new RegExp(`^${pattern}`, 'i').test(nameText)) return { ...base, rank: 'prefix' };
  if (holds.test(nameText)) return { ...base, rank: 'name' };
  for (const field of others) {
    const value = searchedValue(record, field);
    const match = typeof value === 'string' ? holds.exec(value) : null;
    if (typeof value === 'string' && match) {
      return { ...base, rank: 'field', matched: { field: field.name, label: localize(field.label, ctx.language, field.name)!, snippet: snippet(value, match.index, match[0].length) } };
    }
  }
  return { ...base, rank: 'field' };
}

/** The text around a match, with an ellipsis where it was cut, so a long note shows why it was found. */
function snippet(value: string, at: number, length: number): string {
  const start = Math.max(0, at - SNIPPET_CONTEXT);
  const end = Math.min(value.length, at + length + SNIPPET_CONTEXT);
  return `${start > 0 ? '…' : ''}${value.slice(start, end).replace(/\s+/g, ' ')}${end < value.length ? '…' : ''}`;
}

/** Where a field's searchable text is stored: the value itself, or the plain text kept beside markup. */
function searchedPath(field: ResolvedField): string {
  return fieldTypeOf(field).plainText ? plainTextPath(field.name) : field.name;
}

function searchedValue(record: Doc, field: ResolvedField): unknown {
  if (!fieldTypeOf(field).plainText) return record[field.name];
  const texts = record[PLAIN_TEXT];
  return texts !== null && typeof texts === 'object' ? (texts as Record<string, unknown>)[field.name] : undefined;
}
