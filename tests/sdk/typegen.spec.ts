import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateTypes } from '../../sdk/generate-types.js';
import { defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { makeTempDir, removeTempDir, REPO_ROOT, typeCheck } from './support/compile.js';
import { INVALID_CONSUMER, VALID_CONSUMER } from './support/consumers.js';

const ACCOUNT = {
  name: 'account',
  label: { en: 'Account' },
  description: 'A company we sell to.',
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Account name' }, helpText: { en: 'The legal name, as on invoices.' } },
    { name: 'industry', type: 'picklist', values: ['technology', 'retail', 'finance'] },
    { name: 'employees', type: 'number', min: 0 },
  ],
};

const OPPORTUNITY = {
  name: 'opportunity',
  label: { en: 'Opportunity' },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'account', type: 'lookup', target: 'account', required: true },
    { name: 'amount', type: 'currency', required: true, min: 0, helpText: { en: 'Expected revenue.' } },
    { name: 'probability', type: 'percent' },
    { name: 'close_date', type: 'date' },
    { name: 'stage', type: 'picklist', values: ['prospecting', 'proposal', 'closed_won', 'closed_lost'], default: 'prospecting' },
    { name: 'tags', type: 'multipicklist', values: ['hardware', 'software', 'services'] },
    { name: 'is_private', type: 'boolean' },
    { name: 'number', type: 'autonumber', format: 'OP-{0000}' },
  ],
};

/** snake_case API names become PascalCase type names. */
const SALES_REGION = { name: 'sales_region', fields: [{ name: 'code', type: 'text' }] };

interface RoundTrip {
  account: { _id: string };
  created: Record<string, unknown> & { _id: string; _version: number };
  fetched: Record<string, unknown>;
  page: { records: Array<Record<string, unknown>>; next: string | null; total: number | null };
  titles: unknown[];
  bySingleKey: { records: Array<Record<string, unknown>> };
  updated: Record<string, unknown> & { _version: number };
  stale: unknown;
  gone: unknown;
  doubled: number;
}

interface Mistake {
  mistake: string;
  /** A part of the error tsc must report on the line. */
  expected: string;
}

/** The consumer's lines that carry a marker comment, by line number. */
function markedLines(source: string): Map<number, Mistake> {
  const marked = new Map<number, Mistake>();
  source.split('\n').forEach((line, index) => {
    const marker = /\/\/ MISTAKE: (.*) \[(.*)\]$/.exec(line);
    if (marker) marked.set(index + 1, { mistake: String(marker[1]), expected: String(marker[2]) });
  });
  return marked;
}

describe('sdk: typegen and the typed client', function () {
  this.timeout(60_000);
  let engine: TestEngine;
  let dir: string;
  let source: string;

  before(async () => {
    engine = await startTestEngine();
    for (const definition of [ACCOUNT, OPPORTUNITY, SALES_REGION]) await defineObject(engine, definition);
    const document = await engine.request('GET', '/api/v1/openapi.json');
    expect(document.status).to.equal(200);
    source = await generateTypes(document.body);
    dir = makeTempDir();
    writeFileSync(join(dir, 'crm-types.ts'), source);
    writeFileSync(join(dir, 'valid.ts'), VALID_CONSUMER);
    writeFileSync(join(dir, 'invalid.ts'), INVALID_CONSUMER);
  });

  after(async () => {
    if (dir) removeTempDir(dir);
    await engine?.stop();
  });

  it('declares a read, a create and an update type per object, and the CrmObjects map', () => {
    for (const name of ['Account', 'AccountCreate', 'AccountUpdate', 'Opportunity', 'OpportunityCreate', 'OpportunityUpdate', 'SalesRegion', 'SalesRegionCreate', 'SalesRegionUpdate']) {
      expect(source).to.match(new RegExp(`^export interface ${name} \\{`, 'm'));
    }
    expect(source).to.contain('export interface CrmObjects {');
    expect(source).to.contain('  opportunity: { read: Opportunity; create: OpportunityCreate; update: OpportunityUpdate };');
    expect(source).to.contain('  sales_region: { read: SalesRegion; create: SalesRegionCreate; update: SalesRegionUpdate };');
  });

  it('is self-contained, keeps picklists as unions of their values and documents fields from labels and help texts', () => {
    expect(source).not.to.match(/^\s*import\b/m);
    expect(source).to.contain("stage?: 'prospecting' | 'proposal' | 'closed_won' | 'closed_lost';");
    expect(source).to.contain("tags?: ('hardware' | 'software' | 'services')[];");
    expect(source).not.to.match(/\benum\b/);
    expect(source).to.match(/\* Account name\n\s+\*\n\s+\* The legal name, as on invoices\.\n\s+\*\/\n\s+name: string;/);
    expect(source).to.match(/\* Close date\n\s+\*\n\s+\* A date, YYYY-MM-DD\.\n\s+\*\/\n\s+close_date\?: string;/);
    expect(source).to.contain('A company we sell to.');
  });

  it('types what a create requires, what an update may clear and what a read may lack', () => {
    const block = (name: string) => String(new RegExp(`export interface ${name} \\{[\\s\\S]*?\\n\\}`).exec(source)?.[0]);
    expect(block('OpportunityCreate')).to.match(/^\s+amount: number;$/m).and.to.match(/^\s+probability\?: number;$/m);
    expect(block('OpportunityCreate')).not.to.match(/\bnumber\?: string/);
    expect(block('OpportunityUpdate')).to.match(/^\s+amount\?: number \| null;$/m);
    expect(block('Opportunity')).to.match(/^\s+_id: string;$/m).and.to.match(/^\s+amount\?: number;$/m).and.to.match(/^\s+number\?: string;$/m);
  });

  it('compiles a consumer that creates, reads, lists with a typed filter and sort, and updates', async () => {
    const result = await typeCheck(dir, 'valid.ts');
    expect(result.output.trim(), result.output).to.equal('');
    expect(result.exitCode).to.equal(0);
  });

  it('refuses a consumer with an error on each deliberate mistake and nowhere else', async () => {
    const result = await typeCheck(dir, 'invalid.ts');
    expect(result.exitCode).not.to.equal(0);
    const marked = markedLines(INVALID_CONSUMER);
    const elsewhere = result.diagnostics.filter((diagnostic) => diagnostic.file !== 'invalid.ts' || !marked.has(diagnostic.line));
    expect(elsewhere, result.output).to.deep.equal([]);
    const missed = [...marked]
      .filter(([line, { expected }]) => !result.diagnostics.some((diagnostic) => diagnostic.line === line && diagnostic.message.includes(expected)))
      .map(([line, { mistake, expected }]) => `line ${line}, ${mistake}: no error with "${expected}"`);
    expect(missed, `mistakes tsc accepted or reported otherwise:\n${result.output}`).to.deep.equal([]);
    expect(marked.size).to.equal(16);
  });

  it("runs the compiled consumer's calls against the server: create, get, list, update with If-Match, a stale 412, delete", async () => {
    const consumer = (await import(pathToFileURL(join(dir, 'valid.ts')).href)) as { roundTrip(baseUrl: string, token: string): Promise<RoundTrip> };
    // Imported the way the consumer imports it: mocha may load this spec through require, and a
    // class from that copy of the module is not the class the consumer's errors are made from.
    const { ApiError } = await import('../../sdk/client.js');
    const run = await consumer.roundTrip(engine.url, engine.token);

    expect(run.created).to.include({ title: 'Laptops', amount: 12000, stage: 'proposal', number: 'OP-0001', _version: 1, account: run.account._id });
    expect(run.created.tags).to.deep.equal(['hardware', 'services']);
    expect(run.doubled).to.equal(24000);
    expect(run.fetched).to.deep.equal(run.created);

    expect(run.page.total).to.equal(1);
    expect(run.page.next).to.equal(null);
    expect(run.page.records).to.deep.equal([{ _id: run.created._id, _version: 1, title: 'Laptops', amount: 12000 }]);
    expect(run.titles).to.deep.equal(['Laptops']);
    expect(run.bySingleKey.records.map((record) => record._id)).to.deep.equal([run.created._id]);

    expect(run.updated).to.include({ _version: 2, amount: 15000 });
    expect(run.updated).not.to.have.property('close_date');

    expect(run.stale).to.be.instanceOf(ApiError);
    expect(run.stale).to.include({ status: 412, code: 'version_conflict', name: 'ApiError' });
    expect(run.gone).to.be.instanceOf(ApiError);
    expect(run.gone).to.include({ status: 404, code: 'not_found' });
  });

  it('writes the same file through `npm run typegen -- --url --out`', async () => {
    const out = join(dir, 'cli', 'crm-types.ts');
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile('npm', ['run', '--silent', 'typegen', '--', '--url', engine.url, '--header', `Authorization: Bearer ${engine.token}`, '--out', out], { cwd: REPO_ROOT }, (error, output, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(output),
      );
    });
    expect(stdout).to.contain('4 objects (account, opportunity, sales_region, user)');
    // The round trip above changed records, not metadata: the document is the one generated before.
    expect(readFileSync(out, 'utf8')).to.equal(source);
  });
});
