/**
 * TypeScript types for every object of a tenant, from the OpenAPI document the engine serves at
 * /api/v1/openapi.json: per object an interface for the record as read, one for a create and one for
 * an update, and `CrmObjects`, the map the typed client (sdk/client.ts) takes.
 */
import { compile, type JSONSchema } from 'json-schema-to-typescript';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

/** The parts of the engine's OpenAPI document this reads. */
export interface OpenApiDocumentLike {
  info?: { title?: string; version?: string };
  components?: { schemas?: Record<string, unknown> };
}

const COMPONENTS = '#/components/schemas/';
/** Object API names (engine/metadata/api-names.ts); component schemas of the API itself are capitalised. */
const OBJECT_NAME = /^[a-z][a-z0-9_]*$/;
const MAP_NAME = 'CrmObjects';
const KINDS = { read: '', create: 'Create', update: 'Update' } as const;
type Kind = keyof typeof KINDS;

/**
 * The JSON Schema keywords that shape a TypeScript type. Everything else (formats, patterns, bounds,
 * examples, and json-schema-to-typescript's own tsType and tsEnumNames) is dropped: it either changes
 * nothing in the type or would let the document write TypeScript of its own into the file.
 */
const STRUCTURAL = new Set(['type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'oneOf', 'allOf']);

const FORMAT_NOTES: Record<string, string> = {
  date: 'A date, YYYY-MM-DD.',
  'date-time': 'An ISO 8601 date and time.',
};

const isSchema = (value: unknown): value is Schema => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The format of a value, also when it is the non-null member of `anyOf` (as in update schemas). */
function formatOf(schema: Schema): string | undefined {
  if (typeof schema.format === 'string') return schema.format;
  const members = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : [];
  const formats = members.filter(isSchema).map((member) => member.format).filter((format) => typeof format === 'string');
  return formats.length === 1 ? formats[0] : undefined;
}

/** Title, description and format as one TSDoc text: the field's label first, then its help text. */
function documentation(schema: Schema): string | undefined {
  const format = formatOf(schema);
  const note = format === undefined ? undefined : (FORMAT_NOTES[format] ?? `Format: ${format}.`);
  const parts = [schema.title, note, schema.description].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  // json-schema-to-typescript escapes `*/` too; doing it here keeps the file safe whatever it does.
  return parts.length > 0 ? parts.join('\n\n').replace(/\*\//g, '*\\/') : undefined;
}

/**
 * A schema reduced to what json-schema-to-typescript needs: `$ref`s to components inlined (it would
 * otherwise resolve them itself, files and URLs included), titles folded into the documentation (a
 * title would become a declaration of its own), OpenAPI 3.0's `nullable` turned into a null type.
 */
function clean(node: unknown, components: Record<string, unknown>, seen: readonly string[], documented: boolean): Schema {
  if (!isSchema(node)) return {};
  if (typeof node.$ref === 'string') {
    const name = node.$ref.startsWith(COMPONENTS) ? node.$ref.slice(COMPONENTS.length) : undefined;
    // A reference outside the document, or a cycle, is left as unknown rather than followed.
    if (name === undefined || seen.includes(name) || !isSchema(components[name])) return {};
    const { title: _title, ...target } = components[name];
    const { $ref: _ref, ...siblings } = node;
    return clean({ ...target, ...siblings }, components, [...seen, name], documented);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (!STRUCTURAL.has(key)) continue;
    if (key === 'properties' && isSchema(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, clean(property, components, seen, true)]));
    } else if ((key === 'items' || key === 'additionalProperties') && isSchema(value)) {
      out[key] = clean(value, components, seen, false);
    } else if ((key === 'anyOf' || key === 'oneOf' || key === 'allOf') && Array.isArray(value)) {
      out[key] = value.map((member) => clean(member, components, seen, false));
    } else {
      out[key] = value;
    }
  }
  if (node.nullable === true) return { anyOf: [out, { type: 'null' }], ...describe(node, documented) };
  const types = Array.isArray(out.type) ? out.type : [out.type];
  // A free-form object (a JSON field) takes any keys; the default for undeclared keys is "none".
  if (types.includes('object') && out.properties === undefined && out.additionalProperties === undefined) out.additionalProperties = true;
  return { ...out, ...describe(node, documented) };
}

function describe(node: Schema, documented: boolean): Schema {
  const text = documented ? documentation(node) : undefined;
  return text === undefined ? {} : { description: text };
}

/** What each kind of interface is, after the object's own label and description. */
const KIND_NOTES: Record<Kind, string> = {
  read: 'A record as the API returns it. Fields without a value are absent.',
  create: 'What creating a record accepts: defaults fill what is left out; system fields and auto-numbers are set by the platform.',
  update: 'What an update (PATCH) accepts: only the sent fields change; null clears one.',
};

function rootSchema(schema: Schema, components: Record<string, unknown>, kind: Kind): JSONSchema {
  const body = clean(schema, components, [], false);
  const description = [documentation(schema), KIND_NOTES[kind]].filter(Boolean).join('\n\n');
  const properties = isSchema(body.properties) ? body.properties : {};
  // An empty interface would accept any object; nothing to send is said exactly this way.
  const empty = Object.keys(properties).length === 0 && body.additionalProperties !== true;
  return { ...body, type: 'object', description, ...(empty ? { tsType: 'Record<string, never>' } : {}) } as JSONSchema;
}

/**
 * snake_case API names to PascalCase type names, upper-casing a letter after a digit as
 * json-schema-to-typescript does, so that the name asked for is the name declared. `keepUnderscores`
 * keeps the segments apart, for names that would otherwise clash (`foo_bar1` and `foo_bar_1`).
 */
export function typeName(objectName: string, keepUnderscores = false): string {
  return objectName
    .split('_')
    .map((segment) => (segment.charAt(0).toUpperCase() + segment.slice(1)).replace(/(\d)([a-z])/g, (_, digit: string, letter: string) => digit + letter.toUpperCase()))
    .join(keepUnderscores ? '_' : '');
}

type Names = Record<Kind, string>;

const namesFor = (base: string): Names => ({ read: base, create: base + KINDS.create, update: base + KINDS.update });

/**
 * Every object's three type names. Distinct API names can meet in one type name (`account_create`
 * read and `account` create are both AccountCreate): the objects involved keep their underscores.
 */
function assignNames(objects: readonly string[]): Map<string, Names> {
  const names = new Map(objects.map((object) => [object, namesFor(typeName(object))]));
  const clashing = (): Set<string> => {
    const owners = new Map<string, string[]>([[MAP_NAME, ['']]]);
    for (const [object, own] of names) for (const name of Object.values(own)) owners.set(name, [...(owners.get(name) ?? []), object]);
    return new Set([...owners.values()].filter((list) => list.length > 1).flat().filter(Boolean));
  };
  for (const object of clashing()) names.set(object, namesFor(typeName(object, true)));
  const remaining = [...clashing()];
  if (remaining.length > 0) {
    throw new Error(`The objects ${remaining.join(', ')} map to the same TypeScript type names; rename one of them (its API name) to generate types.`);
  }
  return names;
}

async function declaration(schema: JSONSchema, name: string): Promise<string> {
  const source = await compile(schema, name, {
    bannerComment: '',
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    unknownAny: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  // The schema is cleaned so that it yields exactly one declaration, under the name asked for.
  const declarations = source.match(/^export (?:interface|type) \w+/gm) ?? [];
  if (declarations.length !== 1 || !new RegExp(`^export (?:interface|type) ${name}\\b`, 'm').test(source)) {
    throw new Error(`json-schema-to-typescript declared ${declarations.join(', ') || 'nothing'} for ${name}.`);
  }
  return source.trim();
}

/** The objects of the document: components `x` with `x.create` and `x.update` beside them. */
export function objectNames(schemas: Record<string, unknown>): string[] {
  return Object.keys(schemas)
    .filter((name) => OBJECT_NAME.test(name) && isSchema(schemas[`${name}.create`]) && isSchema(schemas[`${name}.update`]))
    .sort();
}

/** The whole generated file: self-contained, importing nothing. */
export async function generateTypes(document: OpenApiDocumentLike): Promise<string> {
  const schemas = document.components?.schemas;
  if (!isSchema(schemas)) throw new Error('Not an OpenAPI document of the CRM: it has no components.schemas. Fetch /api/v1/openapi.json.');
  const objects = objectNames(schemas);
  const names = assignNames(objects);
  const version = document.info?.version ? ` (API version ${document.info.version})` : '';
  const sections = [
    `/**\n * Types of the CRM's objects, generated by \`npm run typegen\` from the live metadata${version}.\n * Do not edit: run typegen again after changing objects or fields.\n */`,
  ];
  const entries: string[] = [];
  for (const object of objects) {
    const own = names.get(object)!;
    for (const kind of Object.keys(KINDS) as Kind[]) {
      const schema = schemas[kind === 'read' ? object : `${object}.${kind}`] as Schema;
      sections.push(await declaration(rootSchema(schema, schemas, kind), own[kind]));
    }
    entries.push(`  ${object}: { read: ${own.read}; create: ${own.create}; update: ${own.update} };`);
  }
  sections.push(
    [
      '/** Every object of the tenant by API name, for the typed client: `createClient<CrmObjects>({ baseUrl })`. */',
      `export interface ${MAP_NAME} {`,
      ...entries,
      '}',
    ].join('\n'),
  );
  return `${sections.join('\n\n')}\n`;
}
