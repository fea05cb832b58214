import fc, { type Arbitrary } from 'fast-check';
import { deepJson, EDGE_NUMBER_TEXT, hostileKey, hostileSegment, hostileText, hostileValue, invalidUtf8Body } from './hostile-values.js';
import type { DocumentedOperation } from '../openapi-fixtures.js';
import { schemaArbitrary, type Schema, type SchemaContext } from './schema-arbitrary.js';

export interface FuzzRequest {
  method: string;
  /** Path and query, as sent: percent-escapes already applied (or deliberately broken). */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** Real values of the tenant the fuzzer runs in, so that some requests reach past the 404s. */
export interface KnownValues {
  /** Record ids, object names, definition names, user ids: whatever a path parameter may name. */
  segments: string[];
  /** Field names of the objects, for filters, sorts, field selections and expansions. */
  fields: string[];
}

interface Parameter {
  name: string;
  in: string;
  schema: Schema;
}

const FILTER_OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'contains', 'startsWith', 'isNull', 'and', 'or', '$gt', '$where', '$regex', '$ne', '$expr'];
const MALFORMED_JSON = ['{', '{"a":}', "{'a':1}", '{"a":1,}', '[1,2', 'nul', '"unterminated', '{"a":1}{"b":2}', '\uFEFF{"a":1}'];
const CONTENT_TYPES = ['text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x'];

/** encodeURIComponent, with lone surrogates (which it refuses) sent as U+FFFD: the fuzzer wants the request sent. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

function resolveParameter(parameter: Record<string, unknown>, resolveRef: (ref: string) => Record<string, unknown>): Parameter {
  const resolved = typeof parameter.$ref === 'string' ? resolveRef(parameter.$ref) : parameter;
  return { name: String(resolved.name), in: String(resolved.in), schema: (resolved.schema ?? true) as Schema };
}

/** A path segment: a value of the parameter's schema, a known one, or a hostile one sent unencoded. */
function segmentArbitrary(parameter: Parameter, context: SchemaContext, known: KnownValues): Arbitrary<string> {
  const valid = schemaArbitrary(parameter.schema, context).map((value) => encode(String(value)));
  return fc
    .oneof(
      { weight: 3, arbitrary: valid },
      { weight: 4, arbitrary: known.segments.length > 0 ? fc.constantFrom(...known.segments).map(encode) : valid },
      { weight: 1, arbitrary: hostileSegment },
      { weight: 1, arbitrary: hostileText.map((text) => encode(text.slice(0, 3_000))) },
    )
    // An empty or dot segment is another path, not another value of this one.
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** A filter: field names and operators the language knows, and ones it must refuse. */
function filterArbitrary(known: KnownValues): Arbitrary<string> {
  const field = known.fields.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known.fields) }, { weight: 1, arbitrary: hostileKey }) : hostileKey;
  const condition = fc.tuple(field, fc.constantFrom(...FILTER_OPERATORS), hostileValue).map(([name, operator, value]) => ({ [name]: { [operator]: value } }));
  return fc.oneof(
    fc.array(condition, { maxLength: 3 }).map((conditions) => JSON.stringify(Object.assign({}, ...conditions))),
    fc.array(condition, { maxLength: 3 }).map((conditions) => JSON.stringify({ [conditions.length % 2 ? 'and' : 'or']: conditions })),
    fc.constantFrom('{}', '{"and":[{}]}', '{"or":[]}', '[]', 'null', '"text"', '{"__proto__":{"x":1}}'),
    fc.constantFrom(...MALFORMED_JSON),
    deepJson,
  );
}

/** A query parameter's value, as text: from its schema, names the tenant knows, or hostile text. */
function queryValueArbitrary(parameter: Parameter, context: SchemaContext, known: KnownValues): Arbitrary<string> {
  if (parameter.name === 'filter') return filterArbitrary(known);
  const fromSchema = schemaArbitrary(parameter.schema, context).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  const names = known.fields.length > 0 ? fc.array(fc.oneof(fc.constantFrom(...known.fields), hostileKey), { minLength: 1, maxLength: 3 }).map((list) => list.join(',')) : fromSchema;
  return fc.oneof({ weight: 4, arbitrary: fromSchema }, { weight: 2, arbitrary: names }, { weight: 2, arbitrary: hostileText.map((text) => text.slice(0, 5_000)) });
}

function queryArbitrary(parameters: Parameter[], context: SchemaContext, known: KnownValues): Arbitrary<string> {
  const each = parameters.map((parameter) =>
    fc.option(
      queryValueArbitrary(parameter, context, known).map((value) => `${encode(parameter.name)}=${encode(value)}`),
      { freq: 2 },
    ),
  );
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant<string[]>([]) },
    // A parameter twice, a name the operation does not know, a broken escape in the query.
    { weight: 1, arbitrary: fc.constantFrom(...parameters.map((parameter) => parameter.name), 'limit').map((name) => [`${name}=1`, `${name}=2`]) },
    { weight: 1, arbitrary: fc.tuple(hostileKey, hostileText).map(([name, value]) => [`${encode(name)}=${encode(value.slice(0, 1_000))}`]) },
    { weight: 1, arbitrary: fc.constantFrom(['filter=%ZZ'], ['sort=%'], ['a[b][c]=1'], ['expand=__proto__'], ['sort=constructor'], ['fields=__proto__']) },
  );
  return fc.tuple(fc.tuple(...each), extra).map(([values, more]) => {
    const parts = [...values.filter((value): value is string => value !== null), ...more];
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  });
}

/** One property of a generated object replaced or added: the mutation class of an otherwise valid body. */
function mutate(value: unknown): Arbitrary<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return hostileValue;
  const keys = Object.keys(value);
  return fc.oneof(
    fc.tuple(keys.length > 0 ? fc.constantFrom(...keys) : hostileKey, hostileValue).map(([key, bad]) => ({ ...value, [key]: bad })),
    fc.tuple(hostileKey, hostileValue).map(([key, bad]) => JSON.parse(`${JSON.stringify(value).slice(0, -1)}${keys.length > 0 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(bad) ?? 'null'}}`) as unknown),
  );
}

function bodyArbitrary(schema: Schema | undefined, context: SchemaContext): Arbitrary<{ body: string | Uint8Array; contentType: string }> {
  const valid = schema === undefined ? fc.jsonValue({ maxDepth: 2 }) : schemaArbitrary(schema, context);
  const json = (text: Arbitrary<string>) => text.map((body) => ({ body, contentType: 'application/json' }));
  const stringify = (value: unknown) => JSON.stringify(value) ?? 'null';
  return fc.oneof(
    { weight: 6, arbitrary: json(valid.map(stringify)) },
    { weight: 4, arbitrary: json(valid.chain(mutate).map(stringify)) },
    { weight: 1, arbitrary: json(hostileValue.map(stringify)) },
    { weight: 1, arbitrary: json(deepJson) },
    { weight: 1, arbitrary: json(fc.tuple(hostileKey, fc.constantFrom(...EDGE_NUMBER_TEXT)).map(([key, number]) => `{${JSON.stringify(key)}:${number},"amount":${number}}`)) },
    { weight: 1, arbitrary: json(fc.constantFrom(...MALFORMED_JSON)) },
    { weight: 1, arbitrary: invalidUtf8Body.map((body) => ({ body, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.tuple(valid.map(stringify), fc.constantFrom(...CONTENT_TYPES)).map(([body, contentType]) => ({ body, contentType })) },
  );
}

const HEADERS: Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Nobody', 'nobody', 'a'.repeat(41), '__proto__').map((tenant) => ({ 'x-tenant': tenant })) },
  { weight: 1, arbitrary: fc.constantFrom('"1"', '1', 'W/"1"', '*', '"abc"', '-1', '1e999', '"' + '9'.repeat(400) + '"').map((version) => ({ 'if-match': version })) },
  { weight: 1, arbitrary: fc.constantFrom('zh-CN', 'zh', 'fr;q=0.1', '*', 'x'.repeat(500), 'en-US,zh-CN;q=0.5').map((language) => ({ 'accept-language': language })) },
);

/**
 * Requests for one operation: its path parameters, query parameters, headers and body drawn from
 * the document's schemas, each part also drawn, now and then, from the hostile catalogues.
 */
export function operationRequests(entry: DocumentedOperation, context: SchemaContext, resolveRef: (ref: string) => Record<string, unknown>, known: KnownValues): Arbitrary<FuzzRequest> {
  const parameters = [...entry.shared, ...(entry.operation.parameters ?? [])].map((parameter) => resolveParameter(parameter, resolveRef));
  const segments = [...entry.path.matchAll(/\{(\w+)\}/g)].map((match) => {
    const parameter = parameters.find((candidate) => candidate.in === 'path' && candidate.name === match[1]) ?? { name: match[1]!, in: 'path', schema: { type: 'string' } };
    return segmentArbitrary(parameter, context, known);
  });
  const path = fc.tuple(...segments).map((values) => {
    let index = 0;
    return entry.path.replace(/\{(\w+)\}/g, () => values[index++]!);
  });
  const query = queryArbitrary(parameters.filter((parameter) => parameter.in === 'query'), context, known);
  const method = entry.method.toUpperCase();
  // fetch sends no body with GET; every other method may carry one, declared or not.
  const declared = entry.operation.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  const body =
    method === 'GET'
      ? fc.constant(undefined)
      : declared !== undefined
        ? bodyArbitrary(declared, context)
        : fc.option(bodyArbitrary(undefined, context), { freq: 3 }).map((value) => value ?? undefined);
  return fc.tuple(path, query, HEADERS, body).map(([url, search, headers, sent]) => ({
    method,
    url: `${url}${search}`,
    headers: sent === undefined ? headers : { ...headers, 'content-type': sent.contentType },
    ...(sent === undefined ? {} : { body: sent.body }),
  }));
}
