/**
 * Writes the TypeScript types of every object of a tenant from its live metadata:
 *
 *   npm run typegen -- --url http://localhost:3000 --out sdk/generated/crm-types.ts
 *
 * --url defaults to CRM_URL, then http://localhost:3000; --out to sdk/generated/crm-types.ts;
 * --header 'Authorization: Bearer …' (repeatable) is sent with the request.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateTypes, objectNames, type OpenApiDocumentLike } from './generate-types.js';

const OPENAPI_PATH = '/api/v1/openapi.json';
const DEFAULT_URL = 'http://localhost:3000';
const DEFAULT_OUT = 'sdk/generated/crm-types.ts';

function headersOf(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon < 1) throw new Error(`--header '${value}' must look like 'Name: value'.`);
    headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim();
  }
  return headers;
}

async function fetchDocument(url: string, headers: Record<string, string>): Promise<OpenApiDocumentLike> {
  const address = `${url.replace(/\/+$/, '')}${OPENAPI_PATH}`;
  let response: Response;
  try {
    response = await fetch(address, { headers: { accept: 'application/json', ...headers } });
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`Cannot reach the engine at ${address} (${reason}). Is it running? Pass --url or set CRM_URL.`);
  }
  if (!response.ok) throw new Error(`${address} answered ${response.status} ${response.statusText}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as OpenApiDocumentLike;
}

export async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      url: { type: 'string', default: process.env.CRM_URL || DEFAULT_URL },
      out: { type: 'string', default: DEFAULT_OUT },
      header: { type: 'string', multiple: true, default: [] },
    },
  });
  const document = await fetchDocument(values.url, headersOf(values.header));
  const source = await generateTypes(document);
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, source);
  const objects = objectNames(document.components?.schemas ?? {});
  console.log(`Wrote the types of ${objects.length} object${objects.length === 1 ? '' : 's'} (${objects.join(', ')}) to ${out}.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    console.error(`typegen: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
