import fc, { type Arbitrary } from 'fast-check';

/** A JSON Schema as the OpenAPI document writes it (2020-12), read loosely: the fuzzer only generates from it. */
export type Schema = { [keyword: string]: unknown } | boolean;

/** Looks up `#/components/schemas/Name` in the document. */
export type Resolve = (ref: string) => Schema;

/**
 * Values to draw, besides the schema's own, for object properties of a given name, wherever they
 * appear: the expressions of formulas, rules, processes and the expression test, for instance.
 */
export type NamedValues = Readonly<Record<string, Arbitrary<unknown>>>;

export interface SchemaContext {
  resolve: Resolve;
  named: NamedValues;
}

/** How deep the generated values nest; the metadata schemas are recursive (actions in steps in processes). */
const MAX_DEPTH = 5;
/** Keeps generated bodies small: the fuzzer wants many requests, not large ones (huge values are hostile mutations). */
const MAX_ITEMS = 3;
const MAX_TEXT = 40;

const anyJson: Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

function asSchema(value: unknown): Schema {
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null) ? (value as Schema) : true;
}

function textFor(schema: Record<string, unknown>): Arbitrary<string> {
  const pattern = schema.pattern;
  if (typeof pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(pattern)).filter((text) => text.length <= (typeof schema.maxLength === 'number' ? schema.maxLength : 200));
    } catch {
      // A pattern JavaScript cannot compile: plain text below.
    }
  }
  switch (schema.format) {
    case 'date-time':
      return fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
    case 'date':
      return fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default: {
      const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
      const maxLength = Math.max(minLength, Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : MAX_TEXT, MAX_TEXT));
      return fc.oneof(fc.string({ unit: 'grapheme', minLength, maxLength }), fc.string({ unit: 'grapheme-ascii', minLength, maxLength }));
    }
  }
}

function numberFor(schema: Record<string, unknown>, integer: boolean): Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1e9;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1e9;
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectFor(schema: Record<string, unknown>, context: SchemaContext, depth: number): Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const writable = Object.entries(properties).filter(([, property]) => !(typeof property === 'object' && property !== null && (property as { readOnly?: boolean }).readOnly));
  const shape = Object.fromEntries(
    writable.map(([name, property]) => {
      const own = schemaArbitrary(asSchema(property), context, depth + 1);
      const named = Object.hasOwn(context.named, name) ? context.named[name] : undefined;
      return [name, named ? fc.oneof(own, named) : own];
    }),
  );
  const requiredKeys = writable.map(([name]) => name).filter((name) => required.has(name));
  return fc.record(shape, { requiredKeys }) as Arbitrary<Record<string, unknown>>;
}

/**
 * Values a schema accepts, most of the time: the keywords the document uses (types, enums, consts,
 * patterns, formats, bounds, properties, items, anyOf/oneOf/allOf, $ref), with depth and sizes
 * bounded. Where the schema says something this reader does not (an if/then, a propertyNames), the
 * value may fall outside it, which the fuzzer welcomes: the server must refuse it cleanly.
 */
export function schemaArbitrary(schema: Schema, context: SchemaContext, depth = 0): Arbitrary<unknown> {
  if (schema === true || schema === false) return anyJson;
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (typeof schema.$ref === 'string') return referenced(schema.$ref, context, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const choices = schema[keyword];
    if (Array.isArray(choices) && choices.length > 0) return fc.oneof(...choices.map((choice) => schemaArbitrary(asSchema(choice), context, depth + 1)));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const parts = (schema.allOf as unknown[]).map((part) => schemaArbitrary(asSchema(part), context, depth + 1));
    return fc.tuple(...parts).map((values) => values.reduce<unknown>((merged, value) => (isPlainObject(merged) && isPlainObject(value) ? { ...merged, ...value } : value), {}));
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length === 0) return schema.properties ? objectFor(schema, context, depth) : anyJson;
  return fc.oneof(
    ...types.map((type): Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return textFor(schema);
        case 'integer':
          return numberFor(schema, true);
        case 'number':
          return numberFor(schema, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const items = schemaArbitrary(asSchema(schema.items ?? true), context, depth + 1);
          const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
          return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : MAX_ITEMS, MAX_ITEMS)) });
        }
        case 'object':
          return objectFor(schema, context, depth);
        default:
          return anyJson;
      }
    }),
  );
}

/**
 * A referenced schema's arbitrary, built when first drawn from and kept per depth: the metadata
 * schemas refer to each other widely, and building every branch up front multiplies at each level.
 */
const built = new WeakMap<SchemaContext, Map<string, Arbitrary<unknown>>>();

function referenced(ref: string, context: SchemaContext, depth: number): Arbitrary<unknown> {
  let cache = built.get(context);
  if (!cache) built.set(context, (cache = new Map()));
  const key = `${depth}:${ref}`;
  return fc.constant(null).chain(() => {
    let arbitrary = cache.get(key);
    if (!arbitrary) cache.set(key, (arbitrary = schemaArbitrary(context.resolve(ref), context, depth)));
    return arbitrary;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
