/**
 * The consultants' command line, talking to a running platform with an API token:
 *
 *   npx crm pack list
 *   npx crm pack plan plugins/field-service [--resolve object:work_order/fields/priority/label/en=theirs]
 *   npx crm pack install plugins/field-service [--resolve …] [--demo-data]
 *   npx crm pack upgrade plugins/field-service [--resolve …] [--demo-data]
 *   npx crm pack diff plugins/field-service [--demo-data]
 *   npx crm pack export plugins/field-service --name field-service --version 1.0.0 --label "Field service" [--object work_order] [--item permissionSet:technician]
 *     [--translations zh-CN] [--data work_order]
 *   npx crm pack uninstall field-service [--force]
 *   npx crm backup …, npx crm restore …: see crm-backup.ts
 *   npx crm keys status|rotate …: see crm-keys.ts
 *
 * --url (CRM_URL, http://localhost:3000), --token (CRM_TOKEN), --tenant (CRM_TENANT) say where;
 * --json prints the platform's answer as it came. The folder is read and checked here, then sent
 * whole, so a pack in a consultant's git checkout installs into any tenant they may reach.
 */
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { definePackKind, type PackKind, type PackKindDeclaration } from '../engine/metadata/pack-kinds/index.js';
import { readPack, writePack, type ExportedPack, type Pack, type PackPlan, type Resolutions } from '../engine/packs/index.js';
import { packDiff } from './pack-diff.js';
import { runBackupCommand } from './crm-backup.js';
import { runKeysCommand } from './crm-keys.js';

const DEFAULT_URL = 'http://localhost:3000';

const USAGE = `Usage: npx crm pack <list|plan|install|upgrade|diff|export|uninstall> [folder or name] [options]
       npx crm backup … | npx crm restore …   (npx crm backup --help)
       npx crm keys <status|rotate> …          (npx crm keys --help)
  --url URL          the platform (CRM_URL; ${DEFAULT_URL})
  --token TOKEN      an API token of an administrator of the tenant (CRM_TOKEN)
  --tenant NAME      the tenant (CRM_TENANT; the default tenant)
  --resolve KEY=SIDE settles a conflict: object:work_order/fields/priority/label/en=theirs (or =ours); repeatable
  --json             print the platform's answer as JSON
export: --name, --version, --label (English), --label-zh (简体中文) make pack.json; --object NAME and
        --item KIND:NAME (repeatable) choose what to export (default: everything but the core definitions)
upgrade: installs a pack that is installed already, saying from which version to which; refused otherwise
diff: what installing the folder would change, item by item; exit 0 when nothing, 1 when something, 2 on trouble
plan, install, upgrade, diff: --demo-data also creates the pack's demo records (data/); plan and diff count them
export: --translations LANG writes that language's texts to translations/LANG.json; --data OBJECT
        writes its records to data/OBJECT.json as demo data (repeatable)
uninstall: --force also deletes the records of the pack's objects, and leaves processes and rules using its actions`;

interface Options {
  url: string;
  token?: string;
  tenant?: string;
  json: boolean;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'backup' || argv[0] === 'restore') return runBackupCommand(argv);
  if (argv[0] === 'keys') return runKeysCommand(argv);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      tenant: { type: 'string' },
      resolve: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean' },
      name: { type: 'string' },
      version: { type: 'string' },
      label: { type: 'string' },
      'label-zh': { type: 'string' },
      object: { type: 'string', multiple: true },
      item: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
      'demo-data': { type: 'boolean', default: false },
      translations: { type: 'string', multiple: true },
      data: { type: 'string', multiple: true },
    },
  });
  const [area, command, folder] = positionals;
  if (values.help || area !== 'pack' || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const token = values.token ?? process.env.CRM_TOKEN;
  const tenant = values.tenant ?? process.env.CRM_TENANT;
  const options: Options = { url: (values.url ?? process.env.CRM_URL ?? DEFAULT_URL).replace(/\/+$/, ''), json: values.json ?? false, ...(token ? { token } : {}), ...(tenant ? { tenant } : {}) };
  if (command === 'list') return show(options, await call(options, 'GET', '/api/v1/packs'), printList);
  if (command === 'uninstall') {
    if (!folder) return misused(`'pack uninstall' needs the pack's name.`);
    return show(options, await call(options, 'DELETE', `/api/v1/packs/${encodeURIComponent(folder)}${values.force ? '?force=true' : ''}`), (body) => {
      const { removed, version } = body as { removed: string[]; version: number };
      console.log(`Uninstalled ${folder}: removed ${removed.length} definition(s) (${removed.join(', ') || 'none'}); metadata version ${version}.`);
    });
  }
  if (command === 'export') {
    if (!folder) return misused(`'pack export' needs the folder to write.`);
    const manifest = { name: values.name ?? basename(resolve(folder)), version: values.version ?? '1.0.0', label: { en: values.label ?? values.name ?? basename(resolve(folder)), ...(values['label-zh'] ? { 'zh-CN': values['label-zh'] } : {}) } };
    const body = { manifest, ...(values.object ? { objects: values.object } : {}), ...(values.item ? { items: values.item } : {}), ...contentChoice(values) };
    const answer = await call(options, 'POST', '/api/v1/packs/export', body);
    return show(options, answer, (exported) => {
      const { pack } = exported as { pack: ExportedPack };
      writePack(resolve(folder), pack);
      console.log(`Wrote ${pack.manifest.name} ${pack.manifest.version} to ${folder}: pack.json and ${pack.items.length} definition file(s)${describeContent(pack)}.`);
    });
  }
  if (command !== 'plan' && command !== 'install' && command !== 'upgrade' && command !== 'diff') {
    console.error(`Unknown command 'pack ${command}'.\n${USAGE}`);
    return 2;
  }
  if (!folder) {
    console.error(`'pack ${command}' needs the pack's folder.\n${USAGE}`);
    return 2;
  }
  const demoData = values['demo-data'] ?? false;
  // The folders of the kinds the tenant's packs add (metadata/sla-policies/), as the tenant declares them.
  const packKinds = await tenantPackKinds(options);
  const request = () => ({ pack: sent(readPack(resolve(folder), packKinds), demoData), resolutions: parseResolutions(values.resolve ?? []), ...(demoData ? { demoData } : {}) });
  if (command === 'diff') return diff(options, request);
  const body = request();
  if (command === 'upgrade') return show(options, await call(options, 'POST', '/api/v1/packs/install', { ...body, upgrade: true }), printUpgrade);
  return show(options, await call(options, 'POST', `/api/v1/packs/${command}`, body), command === 'plan' ? (answer) => printPlan((answer as { plan: PackPlan }).plan) : printInstall);
}

/** Like diff(1): 0 when installing would change nothing, 1 when it would, 2 when the plan could not be made. */
async function diff(options: Options, body: () => unknown): Promise<number> {
  try {
    const answer = await call(options, 'POST', '/api/v1/packs/plan', body());
    const plan = (answer.body as { plan: PackPlan }).plan;
    if (show(options, answer, () => packDiff(plan).lines.forEach((line) => console.log(line))) !== 0) return 2;
    return packDiff(plan).differs ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
}

function misused(problem: string): number {
  console.error(`${problem}\n${USAGE}`);
  return 2;
}

/**
 * The kinds the tenant's packs add, from GET /api/v1/meta/kinds, to read a folder holding their
 * definitions (an export of that tenant): their schemas check the files here, their checks against
 * the tenant's metadata run on the platform. None when the platform does not say (no right to read them).
 */
async function tenantPackKinds(options: Options): Promise<ReadonlyMap<string, PackKind>> {
  const answer = await call(options, 'GET', '/api/v1/meta/kinds');
  if (answer.status !== 200) return new Map();
  const { kinds } = answer.body as { kinds: (PackKindDeclaration & { kind: string; pack: string })[] };
  return new Map(kinds.map(({ kind, pack, label, plural, schema, objectProperty }) => [kind, definePackKind(pack, kind, { label, plural, schema, ...(objectProperty ? { objectProperty } : {}) })]));
}

/** The pack as the request sends it: its translations are in its definitions already; its demo records only when asked for. */
function sent(pack: Pack, demoData: boolean): unknown {
  return { manifest: pack.manifest, items: pack.items.map(({ kind, definition }) => ({ kind, definition })), ...(demoData && pack.data ? { data: pack.data } : {}) };
}

/** An export's choice of translations (languages) and demo data (objects). */
function contentChoice(values: { translations?: string[] | undefined; data?: string[] | undefined }): Record<string, string[]> {
  return { ...(values.translations ? { translations: values.translations } : {}), ...(values.data ? { data: values.data } : {}) };
}

function describeContent(pack: ExportedPack): string {
  const languages = Object.keys(pack.translations ?? {});
  const records = Object.values(pack.data ?? {}).reduce((count, records) => count + records.length, 0);
  return `${languages.length > 0 ? `, translations in ${languages.join(', ')}` : ''}${pack.data ? `, ${records} demo record(s)` : ''}`;
}

/** `object:work_order/fields/priority/label/en=theirs`: the definition's key, its conflict path, the side. */
export function parseResolutions(values: readonly string[]): Resolutions {
  const resolutions: Record<string, Record<string, 'ours' | 'theirs'>> = {};
  for (const value of values) {
    const match = /^([a-zA-Z]+:[^/=]+)(\/[^=]*)?=(ours|theirs)$/.exec(value);
    if (!match) throw new Error(`--resolve '${value}' must look like object:work_order/fields/priority/label/en=theirs (or =ours).`);
    const [, key, path, side] = match as unknown as [string, string, string | undefined, 'ours' | 'theirs'];
    (resolutions[key] ??= {})[path ?? ''] = side;
  }
  return resolutions;
}

async function call(options: Options, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.tenant) headers['x-tenant'] = options.tenant;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${options.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`Cannot reach the platform at ${options.url} (${reason}). Is it running? Pass --url or set CRM_URL.`);
  }
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

function show(options: Options, answer: { status: number; body: unknown }, print: (body: unknown) => void): number {
  if (options.json) console.log(JSON.stringify(answer.body, null, 2));
  else if (answer.status < 400) print(answer.body);
  else {
    const error = (answer.body as { error?: { message?: string; details?: { path: string; message: string }[] } } | null)?.error;
    console.error(`${answer.status}: ${error?.message ?? JSON.stringify(answer.body)}`);
    for (const detail of error?.details ?? []) console.error(`  ${detail.path}: ${detail.message}`);
  }
  return answer.status < 400 ? 0 : 1;
}

function printList(body: unknown): void {
  const { installed, available } = body as { installed: { name: string; version: string; installedAt: string }[]; available: { name: string; version?: string; problems?: unknown[] }[] };
  console.log('Installed:');
  for (const pack of installed) console.log(`  ${pack.name} ${pack.version} (since ${pack.installedAt})`);
  if (installed.length === 0) console.log('  none');
  console.log('Available in the packs folder:');
  for (const pack of available) console.log(`  ${pack.name} ${pack.version ?? ''}${pack.problems ? ` (cannot be installed: ${pack.problems.length} problem(s))` : ''}`);
  if (available.length === 0) console.log('  none');
}

function printPlan(plan: PackPlan): void {
  console.log(`${plan.pack}: ${plan.from ?? 'not installed'} → ${plan.to}; ${plan.changes} definition(s) change, ${plan.conflicts} conflict(s)`);
  for (const item of plan.items) {
    console.log(`  ${item.action.padEnd(12)} ${item.kind}:${item.name}`);
    for (const conflict of item.conflicts ?? []) {
      console.log(`      ${conflict.path || '(the whole definition)'}: yours ${JSON.stringify(conflict.ours)}, the pack's ${JSON.stringify(conflict.theirs)}, was ${JSON.stringify(conflict.base)}`);
      console.log(`      settle with --resolve ${item.kind}:${item.name}${conflict.path}=ours (or =theirs)`);
    }
  }
  for (const problem of plan.problems ?? []) console.log(`  problem: ${problem.path}: ${problem.message}`);
  for (const [object, count] of Object.entries(plan.demoData ?? {})) console.log(`  demo data    ${object}: ${count} record(s)`);
}

function printUpgrade(body: unknown): void {
  const { plan, version } = body as { plan: PackPlan; version: number };
  printPlan(plan);
  const how = plan.from === plan.to ? `${plan.to} again (it was installed already)` : `from ${plan.from} to ${plan.to}`;
  console.log(`Upgraded ${plan.pack} ${how}: metadata version ${version}.`);
}

function printInstall(body: unknown): void {
  const { plan, version } = body as { plan: PackPlan; version: number };
  printPlan(plan);
  console.log(`Installed ${plan.pack} ${plan.to}: metadata version ${version}.`);
}

/** Runs the command line and returns its exit code: 0 done, 1 refused or failed, 2 misused. */
export async function runCrm(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) process.exitCode = await runCrm(process.argv.slice(2));
