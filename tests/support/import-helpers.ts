import { expect } from 'chai';
import type { TestEngine, TestResponse } from './test-engine.js';

/** A parent object of the import and bulk specs: companies with a name and an external id from the ERP. */
export const COMPANY_OBJECT = {
  name: 'company',
  label: { en: 'Company', 'zh-CN': '公司' },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'erp_code', type: 'text', externalId: true },
  ],
};

/** Uploads a file for an import into `object`, as the wizard does (the raw file, its name in X-File-Name). */
export async function uploadFile(engine: TestEngine, object: string, name: string, content: string | Uint8Array, headers: Record<string, string> = {}): Promise<TestResponse> {
  const type = name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  const response = await fetch(`${engine.url}/api/v1/imports?object=${object}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${engine.token}`, 'content-type': type, 'x-file-name': encodeURIComponent(name), ...headers },
    body: content,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Starts a dry run (`check`) or a run and waits until it ended, firing due jobs meanwhile; returns the import as it ended. */
export async function finishPhase(engine: TestEngine, id: string, phase: 'check' | 'run', settings: unknown, headers: Record<string, string> = {}): Promise<Record<string, any>> {
  const started = await engine.request('POST', `/api/v1/imports/${id}/${phase}`, settings, headers);
  expect(started.status, JSON.stringify(started.body)).to.equal(202);
  return waitForImport(engine, id, headers);
}

export async function waitForImport(engine: TestEngine, id: string, headers: Record<string, string> = {}): Promise<Record<string, any>> {
  for (let i = 0; i < 600; i++) {
    await engine.jobs.runDue();
    const view = await engine.request('GET', `/api/v1/imports/${id}`, undefined, headers);
    expect(view.status, JSON.stringify(view.body)).to.equal(200);
    if (view.body.status !== 'checking' && view.body.status !== 'running') return view.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} did not end`);
}

/** A file's text as CSV lines joined with CRLF. */
export function csv(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}
