import { CompiledObject } from '../../metadata/compiled-object.js';
import type { ObjectDefinition } from '../../schemas/generated/object.js';
import { Snapshot } from '../../metadata/snapshot.js';
import type { Principal } from '../../context/principal.js';
import { userAccess } from './user-access.js';

/**
 * What one user may know of the metadata: the objects they may read, each without the fields
 * they may not read. The API description, the forms and the metadata reads of users without the
 * manage-metadata right are built from it, so a hidden field's name never reaches them.
 */
export function visibleSnapshot(snapshot: Snapshot, principal: Principal): Snapshot {
  const access = userAccess(snapshot, principal);
  if (access.system.manageMetadata || access.system.viewAllData) return snapshot;
  return snapshot.memo(`visible:${rightsKey(principal)}`, () => {
    const objects = new Map<string, CompiledObject>();
    for (const compiled of snapshot.objects.values()) {
      if (!access.object(compiled.name).read) continue;
      const { hidden } = access.fields(compiled);
      objects.set(compiled.name, hidden.size === 0 ? compiled : withoutFields(compiled, hidden));
    }
    const processes = new Map([...snapshot.approvalProcesses].filter(([, process]) => objects.has(process.object)));
    const rules = new Map([...snapshot.automationRules].filter(([, rule]) => objects.has(rule.object)));
    return new Snapshot(snapshot.version, {
      objects,
      layouts: snapshot.layouts,
      currencies: snapshot.currencies,
      security: snapshot.security,
      approvalProcesses: processes,
      automationRules: rules,
      apps: snapshot.apps,
      listViews: snapshot.listViews,
    });
  });
}

/** Object and field rights follow from the permission sets alone: users holding the same sets share one view. */
export function rightsKey(principal: Principal): string {
  return principal.system ? 'system' : [...principal.permissionSets].sort().join(',');
}

function withoutFields(compiled: CompiledObject, hidden: ReadonlySet<string>): CompiledObject {
  const definition: ObjectDefinition = { ...compiled.definition, fields: (compiled.definition.fields ?? []).filter((field) => !hidden.has(field.name)) };
  const fields = compiled.object.fields.filter((field) => !hidden.has(field.name));
  return new CompiledObject(definition, { ...compiled.object, fields, fieldsByName: new Map(fields.map((field) => [field.name, field])) }, compiled.logic, compiled.viewFields);
}
