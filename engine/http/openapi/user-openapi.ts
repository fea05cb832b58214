import type { Snapshot } from '../../metadata/snapshot.js';
import { rightsKey, userAccess, visibleSnapshot } from '../../security/access/index.js';
import type { Principal } from '../../context/index.js';
import { SIMULATE_PATH } from './approval-paths.js';
import { VERSIONS_PATH } from './approval-version-docs.js';
import { buildOpenApi, openApiDocument } from './build-openapi.js';
import { AUDIT_PATH } from './audit-paths.js';
import { JOB_PATHS, JOB_RETRY_PATHS } from './job-paths.js';
import { WEBHOOK_DELIVERY_PATHS } from './webhook-paths.js';
import { PACK_PATHS } from './pack-paths.js';
import type { OpenApiDocument, PathItem, SchemaObject } from './openapi-types.js';
import { recordSchemaNames } from './record-components.js';
import { RECORDS_BASE } from './record-paths.js';
import { BULK_BASE } from './bulk-paths.js';

/**
 * The API description as one user may use it: only the objects they may read, without the fields
 * they may not read, without the operations their permission sets do not grant (sharing and
 * ownership transfer go with the edit right), and with create and update bodies holding only the
 * fields they may edit. Users with the same permission sets share one document per metadata version.
 */
export function userOpenApiDocument(snapshot: Snapshot, principal: Principal): OpenApiDocument {
  const access = userAccess(snapshot, principal);
  if (access.system.modifyAllData || principal.system) return openApiDocument(snapshot);
  return snapshot.memo(`openapi:${rightsKey(principal)}`, () => {
    const view = visibleSnapshot(snapshot, principal);
    const document = buildOpenApi(view, snapshot);
    // A simulation reads any record and any user, the versions count everyone's records: only users who may manage metadata may ask.
    if (!access.system.manageMetadata) {
      drop(document, SIMULATE_PATH, 'post');
      drop(document, VERSIONS_PATH, 'get');
      withholdLogic(document);
      for (const [path, method] of PACK_PATHS) drop(document, path, method);
      for (const [path, method] of WEBHOOK_DELIVERY_PATHS) drop(document, path, method);
      // The kinds packs add are setup only: their definitions are for administrators.
      for (const [path, method] of packKindPaths(snapshot)) drop(document, path, method);
    }
    // The audit log, the jobs and the outboxes are read with the audit right only.
    if (!access.system.viewAuditLog) for (const path of AUDIT_RIGHT_PATHS) drop(document, path, 'get');
    if (!access.system.viewAuditLog) for (const path of JOB_RETRY_PATHS) drop(document, path, 'post');
    for (const object of view.objects.values()) {
      const rights = access.object(object.name);
      const editable = access.fields(snapshot.object(object.name)!).editable;
      const names = recordSchemaNames(object.name);
      // Fragments are cached across documents: replace what changes, never mutate it.
      for (const name of [names.create, names.update]) {
        const schema = document.components.schemas[name];
        if (schema) document.components.schemas[name] = onlyFields(schema, editable);
      }
      const many = `${RECORDS_BASE}/${object.name}`;
      const one = `${many}/{id}`;
      if (!rights.create) drop(document, many, 'post');
      // A bulk write needs create or edit, whichever its mode uses: without either, nothing it could do.
      if (!rights.create && !rights.edit) drop(document, `${BULK_BASE}/${object.name}`, 'post');
      if (!rights.delete) drop(document, one, 'delete');
      if (!rights.edit) {
        drop(document, one, 'patch');
        // Sharing and transfer change who may reach the record: they go with the edit right.
        // Listing the shares needs read only, and so do the export and the summary.
        drop(document, `${one}/shares`, 'post');
        drop(document, `${one}/shares/{share}`, 'delete');
        drop(document, `${one}/owner`, 'put');
      }
    }
    return document;
  });
}

const AUDIT_RIGHT_PATHS = [AUDIT_PATH, ...JOB_PATHS];

/** The operations of the kinds the tenant's packs add, and their list. */
function packKindPaths(snapshot: Snapshot): [path: string, method: Method][] {
  return [
    ['/api/v1/meta/kinds', 'get'],
    ...snapshot.packKinds.all().flatMap(({ path }): [string, Method][] => [
      [`/api/v1/meta/${path}`, 'get'],
      [`/api/v1/meta/${path}`, 'post'],
      [`/api/v1/meta/${path}/{name}`, 'get'],
      [`/api/v1/meta/${path}/{name}`, 'put'],
      [`/api/v1/meta/${path}/{name}`, 'delete'],
    ]),
  ];
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Removes one operation, and its path when no operation is left. The path items are shared with
 * cached fragments: the document gets a copy, the item itself is never changed.
 */
function drop(document: OpenApiDocument, path: string, method: Method): void {
  const item = document.paths[path];
  if (!item?.[method]) return;
  const rest: PathItem = { ...item };
  delete rest[method];
  if (METHODS.some((other) => rest[other])) document.paths[path] = rest;
  else delete document.paths[path];
}

/**
 * Metadata reads give users who may not manage metadata the definitions without their logic
 * (engine/setup/operations/definitions-for-users.ts): the schemas of their document say so.
 */
const WITHHELD: readonly [schema: string, property: string][] = [
  ['FormulaField', 'expression'],
  ['RollupField', 'child'],
  ['Step', 'approvers'],
];

function withholdLogic(document: OpenApiDocument): void {
  for (const [name, property] of WITHHELD) {
    const schema = document.components.schemas[name];
    if (!schema || !Array.isArray(schema.required)) continue;
    document.components.schemas[name] = {
      ...schema,
      required: (schema.required as string[]).filter((required) => required !== property),
      description: `${schema.description ?? ''} Without \`${property}\` for users who may not manage metadata.`.trim(),
    };
  }
}

function onlyFields(schema: SchemaObject, editable: ReadonlySet<string>): SchemaObject {
  const properties = Object.fromEntries(Object.entries((schema.properties ?? {}) as Record<string, SchemaObject>).filter(([name]) => editable.has(name)));
  const required = Array.isArray(schema.required) ? schema.required.filter((name: string) => editable.has(name)) : undefined;
  const { required: _dropped, ...rest } = schema;
  return { ...rest, properties, ...(required && required.length > 0 ? { required } : {}) };
}
