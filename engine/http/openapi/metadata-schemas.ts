import objectSchema from '../../metadata/schemas/object.schema.json' with { type: 'json' };
import type { SchemaObject } from './openapi-types.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const DEFS = '#/$defs/';
const COMPONENTS = '#/components/schemas/';
/** Identity belongs to the schema file, and tsType is a hint for the type generator: neither means anything here. */
const DROPPED = new Set(['$schema', '$id', '$defs', 'tsType']);

/** A metadata kind's JSON Schema as it is written, rooted for OpenAPI: its $defs become components. */
function rehome(node: Json): Json {
  if (Array.isArray(node)) return node.map(rehome);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith(DEFS) ? COMPONENTS + value.slice(DEFS.length) : rehome(value);
  }
  return out;
}

/**
 * OpenAPI's discriminator maps a value to a schema by the schema's name unless told otherwise; the
 * field schemas are named TextField, LookupField ... while the values are text, lookup ... so the
 * mapping is spelled out from each alternative's `const`.
 */
function withDiscriminatorMapping(schemas: Record<string, SchemaObject>): Record<string, SchemaObject> {
  const result = { ...schemas };
  for (const [name, schema] of Object.entries(schemas)) {
    const discriminator = schema.discriminator as { propertyName: string } | undefined;
    if (!discriminator || !Array.isArray(schema.oneOf)) continue;
    const mapping: Record<string, string> = {};
    for (const alternative of schema.oneOf as Array<{ $ref?: string }>) {
      const target = alternative.$ref?.startsWith(COMPONENTS) ? schemas[alternative.$ref.slice(COMPONENTS.length)] : undefined;
      const properties = target?.properties as Record<string, { const?: unknown }> | undefined;
      const value = properties?.[discriminator.propertyName]?.const;
      if (typeof value === 'string' && alternative.$ref) mapping[value] = alternative.$ref;
    }
    result[name] = { ...schema, discriminator: { ...discriminator, mapping } };
  }
  return result;
}

/** The component name of the object definition schema, for the metadata API's paths. */
export const OBJECT_DEFINITION = objectSchema.title;

/** The object definition schema and every schema it refers to, as OpenAPI components. */
export function metadataSchemas(): Record<string, SchemaObject> {
  const source = objectSchema as unknown as { $defs: Record<string, Json> } & Record<string, Json>;
  const schemas: Record<string, SchemaObject> = { [OBJECT_DEFINITION]: rehome(source) as SchemaObject };
  for (const [name, definition] of Object.entries(source.$defs)) schemas[name] = rehome(definition) as SchemaObject;
  return withDiscriminatorMapping(schemas);
}
