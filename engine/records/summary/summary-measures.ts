import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import type { ResolvedField } from '../../fields/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { derivedFrom } from '../../metadata/query/derived-fields.js';
import { unknownName } from '../../metadata/query/unknown-name.js';
import { msg } from '../../i18n/message.js';

export type Aggregate = 'sum' | 'avg' | 'min' | 'max';
export interface Measure {
  readonly aggregate: Aggregate;
  readonly field: string;
}

const NUMERIC = new Set(['number', 'currency', 'percent', 'rollup']);
const ORDERED = new Set([...NUMERIC, 'date', 'datetime']);
const MAX_MEASURES = 10;

function isNumeric(field: ResolvedField): boolean {
  return NUMERIC.has(field.type) || (field.type === 'formula' && ['number', 'currency', 'percent'].includes(field.resultType));
}

function isOrdered(field: ResolvedField): boolean {
  return ORDERED.has(field.type) || (field.type === 'formula' && field.resultType !== 'text' && field.resultType !== 'boolean');
}

/** `measures=count,sum:amount,max:close_date` → the aggregates beside the count every group has. */
export function parseMeasures(object: CompiledObject, input: string | undefined, hidden: ReadonlySet<string>): Measure[] {
  const parts = (input ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '' && part !== 'count');
  const problems: ErrorDetail[] = [];
  if (parts.length > MAX_MEASURES) problems.push({ path: '/measures', message: msg`may name at most ${MAX_MEASURES} measures` });
  const measures: Measure[] = [];
  for (const part of parts.slice(0, MAX_MEASURES)) {
    const [aggregate, name] = part.split(':') as [string, string | undefined];
    if (!['sum', 'avg', 'min', 'max'].includes(aggregate) || !name) {
      problems.push({ path: '/measures', message: msg`'${part}' is not a measure: use count, sum:<field>, avg:<field>, min:<field> or max:<field>` });
      continue;
    }
    const base = derivedFrom(object, name);
    const field = hidden.has(name) ? undefined : (object.field(name) ?? base);
    if (!field) {
      problems.push(unknownName('measures', name, msg`a field of ${object.name}`, readableNames(object, hidden)));
    } else if ((aggregate === 'sum' || aggregate === 'avg') && !isNumeric(field)) {
      problems.push({ path: '/measures', message: msg`'${name}' is a ${field.type} field: ${aggregate} needs a number, currency or percent` });
    } else if (!isOrdered(field)) {
      problems.push({ path: '/measures', message: msg`'${name}' is a ${field.type} field: ${aggregate} needs a number or a date` });
    } else {
      measures.push({ aggregate: aggregate as Aggregate, field: name });
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return measures;
}

export function readableNames(object: CompiledObject, hidden: ReadonlySet<string>): string[] {
  return object.object.fields.map((field) => field.name).filter((name) => !hidden.has(name));
}
