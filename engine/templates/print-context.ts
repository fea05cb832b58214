import type { OperationContext } from '../context/index.js';
import { localize } from '../i18n/language.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { CompiledPrintTemplate } from '../metadata/print-templates/compile-print-template.js';
import type { PrintRelation } from '../metadata/print-templates/print-relations.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { getRecord, listRelated, MAX_LIMIT, type RecordView } from '../records/index.js';
import { nameField } from '../records/search/name-field.js';
import { fieldAccess, userAccess } from '../security/access/index.js';
import type { PrintData } from './print-helpers.js';

/** At most this many records of one related list print: a purchase order's lines, not a ledger. */
export const MAX_RELATED_ROWS = 1000;

export interface PrintContext {
  /** What the template sees: record, related, company, reader, today. */
  readonly scope: Record<string, unknown>;
  readonly data: PrintData;
  /** The record's name: the document's title and the PDF's file name. */
  readonly title: string;
}

/**
 * Everything a print template reads, as the reader may see it: the record through the same read as
 * GET (404 for a record they may not see, their hidden fields left out), each lookup holding its
 * parent (a parent they may not see is empty), the related lists the template uses narrowed by their
 * access, the company of the template, the reader's name, language and time zone.
 */
export async function printContext(ctx: OperationContext, object: CompiledObject, id: string, template: CompiledPrintTemplate): Promise<PrintContext> {
  const objectOf = new WeakMap<object, CompiledObject>();
  const reader = await readerOf(ctx);
  const data: PrintData = { language: ctx.language, timeZone: reader.timeZone, corporateCurrency: ctx.snapshot.currencies.corporate, objectOf };
  const view = await getRecord(ctx, object.name, id, undefined, readableLookups(ctx, object).join(',') || undefined);
  const record = printable(ctx, object, view, objectOf);
  const related: Record<string, unknown[]> = {};
  for (const relation of template.relations) related[relation.key] = await relatedRows(ctx, object, id, relation, objectOf);
  const company = template.definition.company;
  return {
    scope: {
      record,
      related,
      company: {
        name: localize(company?.name, ctx.language) ?? '',
        address: localize(company?.address, ctx.language) ?? '',
        logo: company?.logo ?? '',
      },
      reader: { name: reader.name, language: ctx.language, timeZone: reader.timeZone },
      today: new Intl.DateTimeFormat('en-CA', { timeZone: reader.timeZone }).format(new Date()),
    },
    data,
    title: String(record) || view._id,
  };
}

/** The lookups of an object whose parents the reader may see: those a print embeds. */
function readableLookups(ctx: OperationContext, object: CompiledObject): string[] {
  const hidden = fieldAccess(ctx, object).hidden;
  const access = userAccess(ctx.snapshot, ctx.principal);
  return object.object.fields
    .filter((field) => (field.type === 'lookup' || field.type === 'masterdetail') && !hidden.has(field.name) && ctx.snapshot.object(field.target) && (ctx.principal.system || access.object(field.target).read))
    .map((field) => field.name);
}

/**
 * A record as templates get it: its fields, each lookup replaced by its parent (or null), and
 * printing as its name, so {{record.supplier}} reads as the supplier's name and
 * {{record.supplier.city}} as its city.
 */
function printable(ctx: OperationContext, object: CompiledObject, view: RecordView, objectOf: WeakMap<object, CompiledObject>): Record<string, unknown> {
  const { _expanded: expanded, ...fields } = view as RecordView & { _expanded?: Record<string, RecordView | null> };
  const record: Record<string, unknown> = { ...fields };
  for (const field of object.object.fields) {
    if ((field.type !== 'lookup' && field.type !== 'masterdetail') || !(field.name in record)) continue;
    const parent = expanded?.[field.name];
    const target = ctx.snapshot.object(field.target);
    record[field.name] = parent && target ? named(ctx, target, { ...parent }, objectOf) : null;
  }
  return named(ctx, object, record, objectOf);
}

function named(ctx: OperationContext, object: CompiledObject, record: Record<string, unknown>, objectOf: WeakMap<object, CompiledObject>): Record<string, unknown> {
  const name = nameField(object, fieldAccess(ctx, object).hidden)?.name;
  const text = name && record[name] !== undefined && record[name] !== null ? String(record[name]) : '';
  Object.defineProperty(record, 'toString', { value: () => text, enumerable: false });
  objectOf.set(record, object);
  return record;
}

/** A related list's records in the order they were created, as far as the reader may see them; none when they may not read the child object or its field. */
async function relatedRows(ctx: OperationContext, object: CompiledObject, id: string, relation: PrintRelation, objectOf: WeakMap<object, CompiledObject>): Promise<unknown[]> {
  const child = ctx.snapshot.object(relation.child);
  if (!child || (!ctx.principal.system && !userAccess(ctx.snapshot, ctx.principal).object(child.name).read)) return [];
  if (fieldAccess(ctx, child).hidden.has(relation.field)) return [];
  const expand = readableLookups(ctx, child).join(',') || undefined;
  const rows: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRelated(ctx, object.name, id, child.name, {
      field: relation.field,
      sort: '_createdAt',
      limit: Math.min(MAX_LIMIT, MAX_RELATED_ROWS - rows.length),
      ...(expand ? { expand } : {}),
      ...(cursor ? { cursor } : {}),
    });
    rows.push(...page.records.map((view) => printable(ctx, child, view, objectOf)));
    cursor = page.next ?? undefined;
  } while (cursor && rows.length < MAX_RELATED_ROWS);
  return rows;
}

/** The reader's name and time zone from their user record (UTC when they have none). */
async function readerOf(ctx: OperationContext): Promise<{ name: string; timeZone: string }> {
  const users = ctx.snapshot.object('user');
  const user = users ? await ctx.tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: ctx.principal.userId })) : null;
  const zone = typeof user?.time_zone === 'string' && validZone(user.time_zone) ? user.time_zone : 'UTC';
  return { name: typeof user?.full_name === 'string' ? user.full_name : '', timeZone: zone };
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
