import type { Snapshot } from '../../metadata/snapshot.js';
import { rightsKey, userAccess, visibleSnapshot } from '../../security/access/index.js';
import type { Principal } from '../../tenancy/index.js';
import { buildOpenApi, openApiDocument } from './build-openapi.js';
import type { OpenApiDocument, SchemaObject } from './openapi-types.js';
import { recordSchemaNames } from './record-components.js';
import { RECORDS_BASE } from './record-paths.js';

/**
 * The API description as one user may use it: only the objects they may read, without the fields
 * they may not read, without the operations their permission sets do not grant, and with create
 * and update bodies holding only the fields they may edit. Users with the same permission sets
 * share one document per metadata version.
 */
export function userOpenApiDocument(snapshot: Snapshot, principal: Principal): OpenApiDocument {
  const access = userAccess(snapshot, principal);
  if (access.system.modifyAllData || principal.system) return openApiDocument(snapshot);
  return snapshot.memo(`openapi:${rightsKey(principal)}`, () => {
    const view = visibleSnapshot(snapshot, principal);
    const document = buildOpenApi(view);
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
      if (!rights.create && document.paths[many]) document.paths[many] = without(document.paths[many], 'post');
      if (!rights.edit && document.paths[one]) document.paths[one] = without(document.paths[one], 'patch');
      if (!rights.delete && document.paths[one]) document.paths[one] = without(document.paths[one], 'delete');
    }
    return document;
  });
}

function onlyFields(schema: SchemaObject, editable: ReadonlySet<string>): SchemaObject {
  const properties = Object.fromEntries(Object.entries((schema.properties ?? {}) as Record<string, SchemaObject>).filter(([name]) => editable.has(name)));
  const required = Array.isArray(schema.required) ? schema.required.filter((name: string) => editable.has(name)) : undefined;
  const { required: _dropped, ...rest } = schema;
  return { ...rest, properties, ...(required && required.length > 0 ? { required } : {}) };
}

function without<T extends object>(item: T, method: string): T {
  const copy = { ...item } as Record<string, unknown>;
  delete copy[method];
  return copy as T;
}
