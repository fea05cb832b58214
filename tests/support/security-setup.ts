import { expect } from 'chai';
import type { TestEngine, TestResponse } from './test-engine.js';

export const META = '/api/v1/meta';
export const ROLES = `${META}/roles`;
export const GROUPS = `${META}/groups`;
export const SETS = `${META}/permission-sets`;
export const RULES = `${META}/sharing-rules`;

export type Definition = Record<string, unknown> & { name: string };

/** Creates a definition of the security setup and fails the test at once if the engine refuses it. */
export async function defineSetup(engine: TestEngine, path: string, definition: Definition): Promise<TestResponse> {
  const response = await engine.request('POST', path, definition);
  expect(response.status, `POST ${path}: ${JSON.stringify(response.body)}`).to.equal(201);
  return response;
}
