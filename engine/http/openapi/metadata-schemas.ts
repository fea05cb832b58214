import { isDeepStrictEqual } from 'node:util';
import { InternalError } from '../../errors/index.js';
import commonSchema from '../../schemas/common.schema.json' with { type: 'json' };
import currencySchema from '../../schemas/currency.schema.json' with { type: 'json' };
import groupSchema from '../../schemas/group.schema.json' with { type: 'json' };
import layoutSchema from '../../schemas/layout.schema.json' with { type: 'json' };
import objectSchema from '../../schemas/object.schema.json' with { type: 'json' };
import permissionSetSchema from '../../schemas/permission-set.schema.json' with { type: 'json' };
import roleSchema from '../../schemas/role.schema.json' with { type: 'json' };
import sharingRuleSchema from '../../schemas/sharing-rule.schema.json' with { type: 'json' };
import approvalProcessSchema from '../../schemas/approval-process.schema.json' with { type: 'json' };
import automationRuleSchema from '../../schemas/automation-rule.schema.json' with { type: 'json' };
import appSchema from '../../schemas/app.schema.json' with { type: 'json' };
import listViewSchema from '../../schemas/list-view.schema.json' with { type: 'json' };
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

/** The component name of the object definition schema, for the metadata API's paths. */
export const OBJECT_DEFINITION = objectSchema.title;
/** The component name of the layout definition schema. */
export const LAYOUT_DEFINITION = layoutSchema.title;
/** The component name of the currency definition schema. */
export const CURRENCY_DEFINITION = currencySchema.title;
/** The component names of the security kinds' definition schemas. */
export const ROLE_DEFINITION = roleSchema.title;
export const GROUP_DEFINITION = groupSchema.title;
export const PERMISSION_SET_DEFINITION = permissionSetSchema.title;
export const SHARING_RULE_DEFINITION = sharingRuleSchema.title;
export const APPROVAL_PROCESS_DEFINITION = approvalProcessSchema.title;
export const AUTOMATION_RULE_DEFINITION = automationRuleSchema.title;
/** The component names of the web app's navigation kinds. */
export const APP_DEFINITION = appSchema.title;
export const LIST_VIEW_DEFINITION = listViewSchema.title;

/** Every metadata kind's definition schema and every schema it refers to, as OpenAPI components. */
export function metadataSchemas(): Record<string, SchemaObject> {
  const schemas: Record<string, SchemaObject> = {};
  embedCommonSchema(schemas);
  embedKindSchema(schemas, objectSchema as unknown as KindSchema, 'Object');
  embedKindSchema(schemas, layoutSchema as unknown as KindSchema, 'Layout');
  embedKindSchema(schemas, currencySchema as unknown as KindSchema, 'Currency');
  embedKindSchema(schemas, roleSchema as unknown as KindSchema, 'Role');
  embedKindSchema(schemas, groupSchema as unknown as KindSchema, 'Group');
  embedKindSchema(schemas, permissionSetSchema as unknown as KindSchema, 'PermissionSet');
  embedKindSchema(schemas, sharingRuleSchema as unknown as KindSchema, 'SharingRule');
  embedKindSchema(schemas, approvalProcessSchema as unknown as KindSchema, 'ApprovalProcess');
  embedKindSchema(schemas, automationRuleSchema as unknown as KindSchema, 'AutomationRule');
  embedKindSchema(schemas, appSchema as unknown as KindSchema, 'App');
  embedKindSchema(schemas, listViewSchema as unknown as KindSchema, 'ListView');
  return withDiscriminatorMapping(schemas);
}
