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

/** The name json-schema-to-typescript gives a definition of common.schema.json: its title, else its key. */
function commonTypeNames(common: Schema): Map<string, string> {
  return new Map(Object.entries(common.$defs ?? {}).map(([key, definition]) => [key, definition.title ?? key]));
}

/**
 * The schema with every reference into common.schema.json replaced by the name of the type
 * common.ts exports (json-schema-to-typescript's `tsType`), so the generator neither follows the
 * reference nor declares the type again. A description beside the reference stays as the comment.
 */
function referringToCommon(node: unknown, names: ReadonlyMap<string, string>, used: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => referringToCommon(item, names, used));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = referringToCommon(value, names, used);
  const ref = out.$ref;
  if (typeof ref !== 'string' || !ref.startsWith(COMMON_REF)) return out;
  const name = names.get(ref.slice(COMMON_REF.length));
  if (name === undefined) throw new Error(`${ref}: ${COMMON_FILE} has no such definition.`);
  const { $ref: _ref, ...siblings } = out;
  const constraints = Object.keys(siblings).filter((key) => key !== 'description');
  // A constraint beside the reference would narrow the type, which the imported name cannot say.
  if (constraints.length > 0) throw new Error(`${ref}: only a description may stand beside a reference into ${COMMON_FILE}, not ${constraints.join(', ')}.`);
  used.add(name);
  return { ...siblings, tsType: name };
}

/** common.ts: every shared definition's type, without a type for the root, which is no definition of anything. */
async function commonSource(common: Schema): Promise<string> {
  const source = await compile(common as JSONSchema, String(common.title), options(COMMON_FILE));
  const root = new RegExp(`\\n(?:/\\*\\*\\n(?: \\*.*\\n)* \\*/\\n)?export interface ${common.title} \\{\\n  \\[k: string\\]: unknown;\\n\\}\\n`);
  if (!root.test(source)) throw new Error(`${COMMON_FILE}: the root type ${common.title} was not where expected.`);
  return source.replace(root, '\n');
}

const declared = (source: string) => new Set([...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]!));

export async function generatedFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const common = readSchema(COMMON_FILE);
  const names = commonTypeNames(common);
  const commonTs = await commonSource(common);
  const exported = declared(commonTs);
  const missing = [...names.values()].filter((name) => !exported.has(name));
  if (missing.length > 0) throw new Error(`generated/common.ts does not declare ${missing.join(', ')}.`);
  files.set(join(here, 'generated', 'common.ts'), commonTs);

  for (const file of readdirSync(here).filter((name) => name.endsWith('.schema.json') && name !== COMMON_FILE).sort()) {
    const used = new Set<string>();
    const schema = referringToCommon(readSchema(file), names, used) as Schema;
    const imports = used.size > 0 ? `\n\nimport type { ${[...used].sort().join(', ')} } from './common.js';` : '';
    const source = await compile(schema as JSONSchema, String(schema.title), options(file, imports));
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
