import type { OperationContext } from '../context/index.js';
import { EngineError, isEngineError } from '../errors/index.js';
import type { JsonValue } from '../formula/index.js';
import { msg } from '../i18n/message.js';
import type { Conversion } from '../metadata/actions/check-convert.js';
import { expressionKey } from '../metadata/approval-processes/compiled-process.js';
import { insertRecord } from '../records/create-record.js';
import { AutomationDepthError, MAX_AUTOMATION_DEPTH } from '../records/follow-ups.js';
import type { Collections } from '../store/port.js';

/** One record a conversion created, by the name the action gave it. */
export interface ConvertedRecord {
  as: string;
  object: string;
  _id: string;
}

/**
 * A conversion run: each record created in turn through the one write path of a create, in the
 * caller's unit of work, with the caller's context (their permissions: object and field rights,
 * the records their lookups may name), its values the mapping's expressions over the source and
 * its links the ids of the records created before it. A refusal of any record fails the whole
 * event (nothing of the unit is stored), its details under `/<as>` of the record that refused.
 * Returns the records created and the source's field changes that link it to them.
 */
export async function convertRecord(
  tx: Collections,
  ctx: OperationContext,
  at: string,
  conversion: Conversion,
  evaluate: (key: string) => Promise<JsonValue>,
): Promise<{ created: ConvertedRecord[]; links: Record<string, string> }> {
  const depth = (ctx.automationDepth ?? 0) + 1;
  if (depth > MAX_AUTOMATION_DEPTH) throw new AutomationDepthError(conversion.create.map((create) => create.object).join(', '));
  const inner: OperationContext = { ...ctx, automationDepth: depth };
  const made = new Map<string, string>();
  const created: ConvertedRecord[] = [];
  for (const [index, create] of conversion.create.entries()) {
    const values: Record<string, unknown> = {};
    for (const name of Object.keys(create.values ?? {})) {
      const value = await evaluate(expressionKey(`${at}/create/${index}`, name));
      if (value !== null && value !== undefined) values[name] = value;
    }
    for (const [field, as] of Object.entries(create.links ?? {})) values[field] = made.get(as);
    try {
      const record = await insertRecord(tx, inner, create.object, values);
      made.set(create.as, record._id);
      created.push({ as: create.as, object: create.object, _id: record._id });
    } catch (error) {
      throw refusedAs(error, create.as);
    }
  }
  const links = Object.fromEntries(Object.entries(conversion.links ?? {}).map(([field, as]) => [field, made.get(as)!]));
  return { created, links };
}

/** A created record's refusal, its details moved under the record's name, so a client sees which record and field refused. */
function refusedAs(error: unknown, as: string): unknown {
  if (!isEngineError(error)) return error;
  const details = error.details.map((detail) => ({ ...detail, path: `/${as}${detail.path}` }));
  return new EngineError(error.code, error.status, msg`The conversion was undone: the ${as} it creates was refused: ${error.text}`, { details, cause: error });
}
