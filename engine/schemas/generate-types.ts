/**
 * Writes the TypeScript types of every metadata kind from its JSON Schema, so the schemas stay the
 * one source of truth: `npm run gen:types`. With --check it writes nothing and fails when a
 * generated file is not current (a test runs it that way).
 */
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export async function generatedFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of readdirSync(here).filter((name) => name.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(readFileSync(join(here, file), 'utf8')) as JSONSchema;
    const kind = file.replace('.schema.json', '');
    const source = await compile(schema, String(schema.title), {
      bannerComment: `/* Generated from ${file} by generate-types.ts: edit the schema, then run npm run gen:types. */`,
      additionalProperties: false,
      unreachableDefinitions: true,
      style: { singleQuote: true, printWidth: 110 },
    });
    files.set(join(here, 'generated', `${kind}.ts`), source);
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
