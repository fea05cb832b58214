import type { PackAction } from '../../engine/packs/index.js';
import { ValidationError } from '../../engine/errors/index.js';
import { msg } from '../../engine/i18n/message.js';
import { alive } from '../../engine/metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../engine/metadata/record-shape/record.js';
import type { OperationContext } from '../../engine/context/index.js';

/** Field types whose values the engine computes or the copy sets itself: never copied. */
const NOT_COPIED = new Set(['formula', 'rollup', 'autonumber', 'masterdetail']);

/**
 * Copies the lines of the record (the records of `from`, a detail of the record's object) under
 * the record its lookup `orderField` names (made by the convert action just before, as the
 * purchase order of an approved request), as records of `to`, a detail of that record's object:
 * each field `to` has by the same name, in the lines' order. The convert action creates one
 * record per target; a request's lines are many, hence this action.
 */
export const copyLines: PackAction = {
  label: { en: 'Copy the lines to the new order', 'zh-CN': '将明细复制到新订单' },
  params: {
    type: 'object',
    required: ['from', 'to', 'orderField'],
    additionalProperties: false,
    properties: {
      from: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
      to: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
      orderField: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    },
  },
  async run(ctx, { tx, object, record, params }) {
    const { from, to, orderField } = params as { from: string; to: string; orderField: string };
    const target = record[orderField];
    if (typeof target !== 'string') {
      throw new ValidationError([{ path: `/${orderField}`, message: msg`is empty: the order must be created before its lines are copied` }]);
    }
    const source = detail(ctx, from, object);
    const link = ctx.snapshot.object(object)?.object.fieldsByName.get(orderField);
    if (link?.type !== 'lookup') throw new ValidationError([{ path: '/params/orderField', message: msg`'${orderField}' is not a lookup field of '${object}'` }]);
    const copy = detail(ctx, to, link.target);
    const lines = await tx.collection<StoredRecord>(source.collection).find(alive({ [source.master]: record._id }), { sort: { _createdAt: 1, _id: 1 } });
    const copied = copy.fields.filter((name) => source.fields.includes(name));
    return {
      create: lines.map((line) => ({
        object: to,
        values: { [copy.master]: target, ...Object.fromEntries(copied.flatMap((name) => (line[name] === undefined || line[name] === null ? [] : [[name, line[name]]]))) },
      })),
    };
  },
};

/** A detail object of `master`: its collection, its master-detail field to it, and the fields a copy may write. */
function detail(ctx: OperationContext, name: string, master: string): { collection: string; master: string; fields: string[] } {
  const compiled = ctx.snapshot.object(name);
  const masterField = compiled?.object.fields.find((field) => field.type === 'masterdetail' && field.target === master);
  if (!compiled || !masterField) {
    throw new ValidationError([{ path: '/params', message: msg`'${name}' is not a detail object of '${master}'` }]);
  }
  const fields = compiled.object.fields.filter((field) => !NOT_COPIED.has(field.type) && !field.name.startsWith('_')).map((field) => field.name);
  return { collection: compiled.collection, master: masterField.name, fields };
}
