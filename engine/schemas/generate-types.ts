/**
 * Writes the TypeScript types of every metadata kind from its JSON Schema, so the schemas stay the
 * one source of truth: `npm run gen:types`. With --check it writes nothing and fails when a
 * generated file is not current (a test runs it that way).
 *
 * The definitions the kinds share live in common.schema.json and their types in one file,
 * generated/common.ts; each kind's file imports the ones it uses instead of declaring them again.
 */
import { compile, type JSONSchema, type Options } from 'json-schema-to-typescript';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const COMMON_FILE = 'common.schema.json';
/** How a kind's schema refers to a shared definition: relative to its own $id, which sits beside common's. */
const COMMON_REF = `${COMMON_FILE}#/$defs/`;
const LOCAL_REF = '#/$defs/';

type Schema = { title?: string; $defs?: Record<string, Schema> } & Record<string, unknown>;

const options = (file: string, imports = ''): Partial<Options> => ({
  bannerComment: `/* Generated from ${file} by generate-types.ts: edit the schema, then run npm run gen:types. */${imports}`,
  additionalProperties: false,
  unreachableDefinitions: true,
  // A bounded array as an array (with its minimum as leading tuple members), not as a union of every
  // tuple length up to maxItems: twenty copies of ApprovalAction say nothing the bound does not.
  maxItems: -1,
  style: { singleQuote: true, printWidth: 110 },
});

const readSchema = (file: string): Schema => JSON.parse(readFileSync(join(here, file), 'utf8')) as Schema;

/** The name json-schema-to-typescript gives each definition of a schema: its title, else its key. */
function typeNames(schema: Schema): Map<string, string> {
  return new Map(Object.entries(schema.$defs ?? {}).map(([key, definition]) => [key, definition.title ?? key]));
}

/** The type name a reference is written as (json-schema-to-typescript's `tsType`), or undefined to leave it a reference. */
type NameOf = (ref: string, siblings: Readonly<Record<string, unknown>>) => string | undefined;

function referencesByName(node: unknown, nameOf: NameOf): unknown {
  if (Array.isArray(node)) return node.map((item) => referencesByName(item, nameOf));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = referencesByName(value, nameOf);
  const { $ref: ref, ...siblings } = out;
  const name = typeof ref === 'string' ? nameOf(ref, siblings) : undefined;
  return name === undefined ? out : { ...siblings, tsType: name };
}

/**
 * Every reference into common.schema.json as the name of the type common.ts exports, so the
 * generator neither follows it nor declares the type again; a description beside it stays as the comment.
 */
function commonByName(names: ReadonlyMap<string, string>, used: Set<string>): NameOf {
  return (ref, siblings) => {
    if (!ref.startsWith(COMMON_REF)) return undefined;
    const name = names.get(ref.slice(COMMON_REF.length));
    if (name === undefined) throw new Error(`${ref}: ${COMMON_FILE} has no such definition.`);
    const constraints = Object.keys(siblings).filter((key) => key !== 'description');
    // A constraint beside the reference would narrow the type, which the imported name cannot say.
    if (constraints.length > 0) throw new Error(`${ref}: only a description may stand beside a reference into ${COMMON_FILE}, not ${constraints.join(', ')}.`);
    used.add(name);
    return name;
  };
}

/**
 * Each local reference with a description beside it as the name of the definition's type:
 * json-schema-to-typescript reads such a reference as a new schema and declares a copy of the type
 * for each (Grantee1, Grantee2 ...). The description stays as the comment.
 */
function describedByName(names: ReadonlyMap<string, string>, used: Set<string>): NameOf {
  return (ref, siblings) => {
    if (!ref.startsWith(LOCAL_REF) || Object.keys(siblings).join() !== 'description') return undefined;
    const name = names.get(ref.slice(LOCAL_REF.length));
    if (name === undefined) throw new Error(`${ref}: no such definition.`);
    used.add(name);
    return name;
  };
}

/** A schema's types, each local definition declared once however it is referred to. */
async function compiled(schema: Schema, file: string, imports = ''): Promise<string> {
  const named = new Set<string>();
  const source = await compile(referencesByName(schema, describedByName(typeNames(schema), named)) as JSONSchema, String(schema.title), options(file, imports));
  const exported = declared(source);
  const missing = [...named].filter((name) => !exported.has(name));
  if (missing.length > 0) throw new Error(`${file}: the generated types do not declare ${missing.join(', ')}.`);
  return source;
}

/** common.ts: every shared definition's type, without a type for the root, which is no definition of anything. */
async function commonSource(common: Schema): Promise<string> {
  const source = await compiled(common, COMMON_FILE);
  const root = new RegExp(`\\n(?:/\\*\\*\\n(?: \\*.*\\n)* \\*/\\n)?export interface ${common.title} \\{\\n  \\[k: string\\]: unknown;\\n\\}\\n`);
  if (!root.test(source)) throw new Error(`${COMMON_FILE}: the root type ${common.title} was not where expected.`);
  return source.replace(root, '\n');
}

const declared = (source: string) => new Set([...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]!));

export async function generatedFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const common = readSchema(COMMON_FILE);
  const names = typeNames(common);
  const commonTs = await commonSource(common);
  const exported = declared(commonTs);
  const missing = [...names.values()].filter((name) => !exported.has(name));
  if (missing.length > 0) throw new Error(`generated/common.ts does not declare ${missing.join(', ')}.`);
  files.set(join(here, 'generated', 'common.ts'), commonTs);

  for (const file of readdirSync(here).filter((name) => name.endsWith('.schema.json') && name !== COMMON_FILE).sort()) {
    const used = new Set<string>();
    const schema = referencesByName(readSchema(file), commonByName(names, used)) as Schema;
    const imports = used.size > 0 ? `\n\nimport type { ${[...used].sort().join(', ')} } from './common.js';` : '';
    const source = await compiled(schema, file, imports);
    const clashes = [...declared(source)].filter((name) => used.has(name));
    if (clashes.length > 0) throw new Error(`${file} declares ${clashes.join(', ')}, which it also imports from common.ts: rename its definition.`);
    files.set(join(here, 'generated', file.replace('.schema.json', '.ts')), source);
  }
  return files;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, source] of await generatedFiles()) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = '';
    }
    if (current === source) continue;
    if (check) stale.push(path);
    else writeFileSync(path, source);
  }
  if (stale.length > 0) {
    console.error(`Generated types are out of date: ${stale.join(', ')}. Run npm run gen:types.`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
