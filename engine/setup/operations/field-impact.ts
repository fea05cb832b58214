import { performance } from 'node:perf_hooks';
import { ValidationError } from '../../errors/index.js';
import { fieldTypeOf } from '../../fields/index.js';
import { renderText, msg } from '../../i18n/message.js';
import { nameField } from '../../records/search/name-field.js';
import { fieldAccess } from '../../security/access/index.js';
import { checkSetupRight } from '../../security/object-access.js';
import { pagesById } from '../../store/pages-by-id.js';
import type { OperationContext } from '../../context/index.js';
import { backfillSettings } from '../backfills/backfill-settings.js';
import type { Field } from '../../schemas/generated/object.js';
import { requireObject } from './require-object.js';
import { valueConverter } from '../../records/backfills/value-conversion.js';
import { getField, relativeToField } from './field-operations.js';

const SAMPLE_SIZE = 10;

export interface FieldImpact {
  /** Records holding a value of the field. */
  records: number;
  convertible: number;
  failing: number;
  /** Some of the failing records, with why their value does not convert, in the caller's language. */
  sample: { _id: string; name: unknown; value?: unknown; message: string }[];
}

/**
 * What replacing a field's definition (the body of PUT .../fields/:field) would do to the stored
 * values, before the admin confirms it: computed with the conversion the change itself runs
 * (valueConverter), against the snapshot the change would compile, reading the records in `_id`
 * pages outside any unit of work and handing the event loop back between pages, so that a large
 * object neither blocks requests nor holds a transaction. Writes nothing.
 */
export async function fieldImpact(ctx: OperationContext, objectName: string, name: string, body: unknown): Promise<FieldImpact> {
  checkSetupRight(ctx);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([{ path: '', message: msg`must be a field definition` }]);
  }
  getField(ctx, objectName, name);
  const before = requireObject(ctx.snapshot, objectName);
  const current = before.definition;
  const next = { name, ...body } as Field;
  const fields = current.fields ?? [];
  const index = fields.findIndex((field) => field.name === name);
  let planned;
  try {
    planned = ctx.tenant.metadata.preview(() => ({
      kind: 'object',
      action: 'field.update',
      name: objectName,
      next: { ...current, fields: fields.map((field, i) => (i === index ? next : field)) },
      by: ctx.principal.userId,
    }));
  } catch (error) {
    // Problems point at the sent field's own properties, as the PUT's do.
    throw relativeToField(error, index);
  }
  const after = requireObject(planned, objectName);
  const old = before.field(name)!;
  const changed = after.field(next.name)!;
  const impact: FieldImpact = { records: 0, convertible: 0, failing: 0, sample: [] };
  const hidden = fieldAccess(ctx, before).hidden;
  const naming = nameField(before, hidden);
  // Computed fields are recomputed, not converted: every record holding a value "converts".
  const convert = fieldTypeOf(changed).writable ? valueConverter(after, old, changed) : () => ({ ok: true as const, value: undefined });
  const records = ctx.tenant.store.collection(before.collection);
  const projection: Record<string, 1> = { _id: 1, [old.name]: 1, ...(naming ? { [naming.name]: 1 } : {}) };
  // Pages of a backfill batch: pagesById gives way between them, so the preview never holds up requests.
  const { batchRecords } = backfillSettings();
  for await (const page of pagesById(records, { [old.name]: { $ne: null } }, batchRecords, projection)) {
    for (const record of page) {
      impact.records++;
      const conversion = convert(record[old.name]);
      if (conversion.ok) {
        impact.convertible++;
        continue;
      }
      impact.failing++;
      if (impact.sample.length < SAMPLE_SIZE) {
        impact.sample.push({
          _id: record._id,
          name: naming ? (record[naming.name] ?? null) : null,
          // A value the admin may not read stays out of the answer; its record and reason are shown.
          ...(hidden.has(old.name) ? {} : { value: record[old.name] }),
          message: renderText(conversion.reason, ctx.language),
        });
      }
    }
  }
  return impact;
}
