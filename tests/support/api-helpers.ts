import { expect } from 'chai';
import type { TestEngine, TestResponse } from './test-engine.js';

/** An error detail as the API returns it. */
export interface Detail {
  path: string;
  message: string;
}

/** Defines an object through the metadata API and fails the test at once if the engine refuses it. */
export async function defineObject(engine: TestEngine, definition: Record<string, unknown>): Promise<TestResponse> {
  const response = await engine.request('POST', '/api/v1/meta/objects', definition);
  expect(response.status, JSON.stringify(response.body)).to.equal(201);
  return response;
}

/** Creates a record and fails the test at once if the engine refuses it. */
export async function createRecord(engine: TestEngine, object: string, values: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await engine.request('POST', `/api/v1/records/${object}`, values);
  expect(response.status, JSON.stringify(response.body)).to.equal(201);
  return response.body;
}

/** The list URL of an object with its query parameters, the filter given as a value and sent as JSON. */
export function listPath(object: string, query: { filter?: unknown; [name: string]: unknown } = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(name, name === 'filter' && typeof value !== 'string' ? JSON.stringify(value) : String(value));
  }
  const search = params.toString();
  return `/api/v1/records/${object}${search ? `?${search}` : ''}`;
}

/** Every record of an object as stored now, in creation order: what "nothing was written" compares. */
export async function allRecords(engine: TestEngine, object: string): Promise<Record<string, any>[]> {
  const response = await engine.request('GET', listPath(object, { sort: '_id', limit: 200 }));
  expect(response.status, JSON.stringify(response.body)).to.equal(200);
  expect(response.body.next, 'allRecords reads one page only').to.equal(null);
  return response.body.records;
}

/** The records of a list request, failing the test if the request is refused. */
export async function listRecords(engine: TestEngine, object: string, query: { filter?: unknown; [name: string]: unknown } = {}) {
  const response = await engine.request('GET', listPath(object, query));
  expect(response.status, JSON.stringify(response.body)).to.equal(200);
  return response.body as { records: Record<string, any>[]; next: string | null; total: number | null };
}

/** Asserts a refused request: the status, the error code, and the error's details (paths) when given. */
export function expectError(response: TestResponse, status: number, code?: string): Detail[] {
  expect(response.status, JSON.stringify(response.body)).to.equal(status);
  expect(response.headers.get('content-type') ?? '').to.match(/^application\/json/);
  expect(response.body).to.have.property('error');
  const error = response.body.error as { code: string; message: string; details: Detail[] };
  expect(error.message).to.be.a('string').and.not.equal('');
  expect(error.details).to.be.an('array');
  if (code) expect(error.code).to.equal(code);
  return error.details;
}

/** The paths of a refused request's details, sorted, for comparing against the expected set. */
export function detailPaths(response: TestResponse): string[] {
  return (response.body.error.details as Detail[]).map((detail) => detail.path).sort();
}

/** The tenant's current metadata version, as the objects list reports it. */
export async function metadataVersion(engine: TestEngine): Promise<number> {
  const response = await engine.request('GET', '/api/v1/meta/objects');
  expect(response.status).to.equal(200);
  return response.body.version;
}
