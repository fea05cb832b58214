import { expect } from 'chai';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { TestEngine, TestResponse } from './test-engine.js';

/** The objects, helpers and checks the OpenAPI specs share. */

export const ALL_TYPES = [
  { name: 'title', type: 'text', required: true, label: { en: 'Title', 'zh-CN': '标题' } },
  { name: 'notes', type: 'longtext' },
  { name: 'quantity', type: 'number', min: 0 },
  { name: 'amount', type: 'currency', currency: 'EUR' },
  { name: 'discount', type: 'percent' },
  { name: 'needed_by', type: 'date' },
  { name: 'reminder_at', type: 'datetime' },
  { name: 'urgent', type: 'boolean' },
  { name: 'priority', type: 'picklist', values: ['low', 'normal', 'high'], default: 'normal' },
  { name: 'tags', type: 'multipicklist', values: ['red', 'green', { value: 'blue', active: false }] },
  { name: 'shade', type: 'picklist', values: ['light', 'dark'], controllingField: 'urgent', dependencies: { true: ['dark'], false: ['light', 'dark'] } },
  { name: 'contact_email', type: 'email' },
  { name: 'contact_phone', type: 'phone' },
  { name: 'website', type: 'url' },
  { name: 'supplier', type: 'lookup', target: 'supplier', onDelete: 'restrict' },
  { name: 'account', type: 'masterdetail', target: 'supplier' },
  { name: 'number', type: 'autonumber', format: 'EV-{0000}' },
  { name: 'extra', type: 'json' },
  { name: 'subtotal', type: 'formula', expression: 'quantity * amount', resultType: 'currency' },
];

/** The detail of `everything`, pointing at it twice: its related list needs ?field=. */
export const LINE = {
  name: 'everything_line',
  fields: [
    { name: 'parent', type: 'masterdetail', target: 'everything' },
    { name: 'also', type: 'lookup', target: 'everything' },
    { name: 'label', type: 'text' },
  ],
};

export const LAYOUT = {
  name: 'everything_entry',
  object: 'everything',
  isDefault: true,
  label: { en: 'Entry', 'zh-CN': '录入' },
  sections: [
    { title: { en: 'Main', 'zh-CN': '主要' }, columns: 2, fields: ['title', { field: 'amount', required: true }, 'supplier', 'account', 'subtotal'] },
    { collapsed: true, fields: ['notes', 'urgent', 'priority', 'shade', 'tags', 'extra', 'line_count', 'number', 'reminder_at', { field: 'discount', readOnly: true }] },
  ],
  relatedLists: [{ object: 'everything_line', field: 'parent', columns: ['label'], label: { en: 'Lines' } }],
};

export type Doc = {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, any>; parameters: Record<string, any>; responses: Record<string, any> };
};

/** One operation of the document, with the parameters its path item declares for all its operations. */
export interface DocumentedOperation {
  method: string;
  path: string;
  operation: {
    parameters?: Array<Record<string, unknown>>;
    requestBody?: { content?: Record<string, { schema?: unknown }> };
    responses: Record<string, unknown>;
    security?: unknown[];
  };
  shared: Array<Record<string, unknown>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document: the route table the specs walk, so that a new route is covered by them too. */
export function documentedOperations(doc: Doc): DocumentedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method], shared: (item.parameters ?? []) as Array<Record<string, unknown>> })),
  );
}

export async function validate(doc: unknown): Promise<void> {
  const result = await new Validator().validate(doc as Record<string, unknown>);
  expect(result.errors, JSON.stringify(result.errors, null, 2)?.slice(0, 2000)).to.equal(undefined);
  expect(result.valid).to.equal(true);
}

export const DOCUMENT_ID = 'https://crm.test/openapi.json';

/** An ajv holding the document's components, so that every `#/components/...` reference resolves. */
export function documentAjv(doc: Doc): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: doc.components });
  return ajv;
}

/** The document's own schemas, compiled by ajv: responses of the real API are checked against them. */
export function schemaValidator(doc: Doc, name: string): ValidateFunction {
  const validate = documentAjv(doc).getSchema(`${DOCUMENT_ID}#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
}

/**
 * The schema an operation documents for one status, compiled like schemaValidator's: checks that
 * the route says what it answers, not only that some component fits.
 */
export function responseValidator(doc: Doc, method: string, path: string, status: number): ValidateFunction | undefined {
  const operation = doc.paths[path]?.[method];
  if (!operation) throw new Error(`no ${method} ${path} in the document`);
  let response = operation.responses[String(status)];
  if (!response) throw new Error(`${method} ${path} documents no ${status}`);
  if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()];
  if (!response.content) return undefined;
  const schema = JSON.stringify(response.content['application/json'].schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`);
  return documentAjv(doc).compile(JSON.parse(schema));
}

/** The real response has a status its route documents, and a body its schema for that status accepts. */
export function expectDocumented(doc: Doc, method: string, path: string, response: TestResponse, status: number): void {
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).to.equal(status);
  const validate = responseValidator(doc, method, path, status);
  if (!validate) {
    expect(response.body || undefined, `${method} ${path} ${status} documents no body`).to.equal(undefined);
    return;
  }
  expect(validate(response.body), `${method} ${path} ${status}: ${JSON.stringify(validate.errors)}`).to.equal(true);
}

export function parameter(doc: Doc, operation: { parameters: any[] }, name: string): any {
  const resolve = (p: any) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p);
  return operation.parameters.map(resolve).find((p: any) => p.name === name);
}

/** Defines the objects every OpenAPI spec reads: one field of every type, a detail with a roll-up, a supplier. */
export async function defineDocumentedObjects(engine: TestEngine): Promise<void> {
  const supplier = await engine.request('POST', '/api/v1/meta/objects', { name: 'supplier', fields: [{ name: 'name', type: 'text' }] });
  expect(supplier.status, JSON.stringify(supplier.body)).to.equal(201);
  const everything = await engine.request('POST', '/api/v1/meta/objects', {
    name: 'everything',
    label: { en: 'Everything', 'zh-CN': '一切' },
    description: 'One field of every type.',
    fields: ALL_TYPES.map((field) => (field.name === 'quantity' ? { ...field, trackHistory: true } : field)),
    validationRules: [{ name: 'quantity_cap', condition: 'quantity > 1000', field: 'quantity', message: { en: 'At most 1000 at a time' } }],
  });
  expect(everything.status, JSON.stringify(everything.body)).to.equal(201);
  const line = await engine.request('POST', '/api/v1/meta/objects', LINE);
  expect(line.status, JSON.stringify(line.body)).to.equal(201);
  const rollup = await engine.request('POST', '/api/v1/meta/objects/everything/fields', { name: 'line_count', type: 'rollup', child: 'everything_line', function: 'count' });
  expect(rollup.status, JSON.stringify(rollup.body)).to.equal(201);
}

export async function fetchDoc(engine: TestEngine): Promise<Doc> {
  const response = await engine.request('GET', '/api/v1/openapi.json');
  expect(response.status).to.equal(200);
  expect(response.headers.get('content-type')).to.match(/^application\/json/);
  return response.body as Doc;
}
