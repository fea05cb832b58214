import { isDeepStrictEqual } from 'node:util';
import { InternalError } from '../../errors/index.js';
import commonSchema from '../../schemas/common.schema.json' with { type: 'json' };
import { KINDS } from '../../metadata/kinds/index.js';
import type { PackKind } from '../../metadata/pack-kinds/index.js';
import type { SchemaObject } from './openapi-types.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type KindSchema = { title: string; $defs?: Record<string, Json> } & Record<string, Json>;

const DEFS = '#/$defs/';
/** How a kind refers to a definition of common.schema.json; those keep their names as components. */
const COMMON_DEFS = 'common.schema.json#/$defs/';
const COMPONENTS = '#/components/schemas/';
/** Identity belongs to the schema file, and tsType is a hint for the type generator: neither means anything here. */
const DROPPED = new Set(['$schema', '$id', '$defs', 'tsType']);

/**
 * A metadata kind's JSON Schema as it is written, rooted for OpenAPI: its $defs become components,
 * named as `names` says, and the shared definitions it refers to are the components of that name.
 */
function rehome(node: Json, names: ReadonlyMap<string, string>): Json {
  if (Array.isArray(node)) return node.map((item) => rehome(item, names));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(DEFS)) {
      const name = value.slice(DEFS.length);
      out[key] = COMPONENTS + (names.get(name) ?? name);
    } else if (key === '$ref' && typeof value === 'string' && value.startsWith(COMMON_DEFS)) {
      out[key] = COMPONENTS + value.slice(COMMON_DEFS.length);
    } else {
      out[key] = rehome(value, names);
    }
  }
  return out;
}

/**
 * Adds one kind's schema and its $defs to the components. What the kinds share (ApiName,
 * LocalizedText, ApprovalAction ...) comes from common.schema.json, embedded once; two kinds may
 * still define a name of their own alike: a definition equal to the one already there is shared,
 * a different one is renamed with the kind's prefix (`LayoutApiName`). Renaming one can make
 * another that refers to it differ in turn, hence the loop to a fixpoint.
 */
export function embedKindSchema(components: Record<string, SchemaObject>, source: KindSchema, prefix: string): void {
  const defs = source.$defs ?? {};
  const names = new Map(Object.keys(defs).map((name) => [name, name]));
  const differs = (name: string) => {
    const existing = components[names.get(name)!];
    return existing !== undefined && !isDeepStrictEqual(existing, rehome(defs[name]!, names));
  };
  for (let renamed = true; renamed; ) {
    renamed = false;
    for (const name of names.keys()) {
      if (names.get(name) !== name || !differs(name)) continue;
      names.set(name, prefix + name);
      renamed = true;
    }
  }
  const add = (name: string, schema: Json) => {
    const existing = components[name];
    if (existing !== undefined && !isDeepStrictEqual(existing, schema)) throw new InternalError(`OpenAPI: two definitions of schema '${name}'.`);
    components[name] = schema as SchemaObject;
  };
  add(source.title, rehome(source, names));
  for (const [name, definition] of Object.entries(defs)) add(names.get(name)!, rehome(definition, names));
}

/** The definitions the kinds share (common.schema.json), as components under their own names. */
function embedCommonSchema(components: Record<string, SchemaObject>): void {
  const defs = commonSchema.$defs as unknown as Record<string, Json>;
  const names = new Map(Object.keys(defs).map((name) => [name, name]));
  for (const [name, definition] of Object.entries(defs)) components[name] = rehome(definition, names) as SchemaObject;
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

/** Every metadata kind's definition schema and every schema it refers to, as OpenAPI components. */
export function metadataSchemas(): Record<string, SchemaObject> {
  const schemas: Record<string, SchemaObject> = {};
  embedCommonSchema(schemas);
  for (const entry of KINDS) embedKindSchema(schemas, entry.schema as unknown as KindSchema, entry.componentPrefix);
  return withDiscriminatorMapping(schemas);
}

/**
 * The schemas of the kinds the tenant's packs add, as components beside the platform's (`taken`):
 * each kind's $defs under its prefix (`SlaPolicyTarget`), so that no name of a pack's can clash
 * with one the document has or will have.
 */
export function packKindSchemas(packKinds: readonly PackKind[], taken: Readonly<Record<string, SchemaObject>>): Record<string, SchemaObject> {
  const schemas: Record<string, SchemaObject> = { ...taken };
  for (const kind of packKinds) embedKindSchema(schemas, withPrefixedDefs(kind.schema as unknown as KindSchema, kind.componentPrefix), kind.componentPrefix);
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => !(name in taken)));
}

function withPrefixedDefs(schema: KindSchema, prefix: string): KindSchema {
  const rename = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(rename);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith(DEFS) ? `${DEFS}${prefix}${value.slice(DEFS.length)}` : rename(value)]),
    );
  };
  const { $defs, ...rest } = schema;
  return { ...(rename(rest as Json) as KindSchema), ...($defs ? { $defs: Object.fromEntries(Object.entries($defs).map(([name, value]) => [prefix + name, rename(value)])) } : {}) };
}
