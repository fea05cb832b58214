import type { PackAction } from '../../../engine/packs/index.js';
import { ValidationError } from '../../../engine/errors/index.js';
import { msg } from '../../../engine/i18n/message.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../../engine/metadata/record-shape/record.js';
import type { OperationContext } from '../../../engine/context/index.js';

interface CopyLinesParams {
  from: string;
  into: string;
  fields: Record<string, string>;
}

/**
 * Copies the detail lines of the record (an opportunity's lines) into the detail lines of the record
 * a conversion just made from it (the sales order's or the invoice's), field by field. The convert
 * action makes one record per entry; lines are as many as the source holds, so this action finds
 * the new parent (the newest record of the lines' master object that looks up this record) and asks
 * the engine to create one line each, through the write path (formulas, roll-ups, rules).
 */
export const copyLines: PackAction = {
  label: { en: 'Copy the lines into the record converted from this one', 'zh-CN': '将明细复制到由此记录转换生成的记录' },
  params: {
    type: 'object',
    required: ['from', 'into', 'fields'],
    additionalProperties: false,
    properties: {
      from: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', description: 'The detail object of this record whose lines are copied (opportunity_line).' },
      into: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', description: 'The detail object the lines become (invoice_line), whose master looks up this record.' },
      fields: {
        type: 'object',
        minProperties: 1,
        propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
        additionalProperties: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
        description: 'Field of the new line → field of the copied line.',
      },
    },
  },
  async run(ctx, { tx, object, record, params }) {
    const { from, into, fields } = params as unknown as CopyLinesParams;
    const source = detailLink(ctx, from, object);
    const target = masterOf(ctx, into);
    const back = lookupTo(ctx, target.master, object);
    const masterObject = ctx.snapshot.object(target.master)!;
    const [parent] = await tx.collection<StoredRecord>(masterObject.collection).find(alive({ [back]: record._id }), { sort: { _createdAt: -1, _id: -1 }, limit: 1 });
    if (!parent) throw new ValidationError([{ path: `/${back}`, message: msg`No ${target.master} looks up this ${object} to copy its lines into: convert it first.` }]);
    const lines = await tx.collection<StoredRecord>(ctx.snapshot.object(from)!.collection).find(alive({ [source]: record._id }), { sort: { _createdAt: 1, _id: 1 } });
    return {
      create: lines.map((line) => ({
        object: into,
        values: { [target.field]: parent._id, ...Object.fromEntries(Object.entries(fields).flatMap(([to, of]) => (line[of] === undefined || line[of] === null ? [] : [[to, line[of]]]))) },
      })),
    };
  },
};

/** The field of `detail` that points at `master` (its master-detail or lookup field). */
function detailLink(ctx: OperationContext, detail: string, master: string): string {
  const field = ctx.snapshot.object(detail)?.object.fields.find((candidate) => (candidate.type === 'masterdetail' || candidate.type === 'lookup') && candidate.target === master);
  if (!field) throw new ValidationError([{ path: '/from', message: msg`${detail} has no field pointing at ${master}.` }]);
  return field.name;
}

/** The master-detail field of `detail` and the object it names. */
function masterOf(ctx: OperationContext, detail: string): { field: string; master: string } {
  const field = ctx.snapshot.object(detail)?.object.fields.find((candidate) => candidate.type === 'masterdetail');
  if (!field || field.type !== 'masterdetail') throw new ValidationError([{ path: '/into', message: msg`${detail} is not a detail object.` }]);
  return { field: field.name, master: field.target };
}

/** The lookup of `object` to `target`: how the converted record names the record it came from. */
function lookupTo(ctx: OperationContext, object: string, target: string): string {
  const field = ctx.snapshot.object(object)?.object.fields.find((candidate) => candidate.type === 'lookup' && candidate.target === target);
  if (!field) throw new ValidationError([{ path: '/into', message: msg`${object} has no lookup to ${target}.` }]);
  return field.name;
}
