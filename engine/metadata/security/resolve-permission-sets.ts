import type { ErrorDetail } from '../../errors/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { resolveLabels } from '../labels.js';
import type { FieldPermissions, ObjectPermissions, PermissionSetDefinition } from '../../schemas/generated/permission-set.js';
import type { FieldRights, ObjectRights, ResolvedPermissionSet } from './resolved-security.js';
import { msg } from '../../i18n/message.js';

/** Each right with what it implies: modify all → everything; view all → read; delete → edit → read. */
export function objectRights(granted: ObjectPermissions): ObjectRights {
  const modifyAll = granted.modifyAll === true;
  const viewAll = modifyAll || granted.viewAll === true;
  const del = modifyAll || granted.delete === true;
  const edit = del || modifyAll || granted.edit === true;
  const read = edit || viewAll || granted.read === true;
  return { create: modifyAll || granted.create === true, read, edit, delete: del, viewAll, modifyAll };
}

export function fieldRights(granted: FieldPermissions): FieldRights {
  const edit = granted.edit === true;
  return { read: edit || granted.read === true, edit };
}

/** Checks that every object and field a permission set names exists, and makes its implications explicit. */
export function resolvePermissionSet(
  definition: PermissionSetDefinition,
  objects: ReadonlyMap<string, CompiledObject>,
): { set?: ResolvedPermissionSet; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const objectMap = new Map<string, ObjectRights>();
  for (const [name, granted] of Object.entries(definition.objects ?? {})) {
    if (!objects.has(name)) problems.push({ path: `/objects/${name}`, message: msg`there is no object named '${name}'` });
    else objectMap.set(name, objectRights(granted));
  }
  const fieldMap = new Map<string, Map<string, FieldRights>>();
  for (const [objectName, fields] of Object.entries(definition.fields ?? {})) {
    const object = objects.get(objectName);
    if (!object) {
      problems.push({ path: `/fields/${objectName}`, message: msg`there is no object named '${objectName}'` });
      continue;
    }
    const rights = new Map<string, FieldRights>();
    for (const [fieldName, granted] of Object.entries(fields)) {
      if (!object.field(fieldName)) problems.push({ path: `/fields/${objectName}/${fieldName}`, message: msg`'${fieldName}' is not a field of ${objectName}` });
      else rights.set(fieldName, fieldRights(granted));
    }
    fieldMap.set(objectName, rights);
  }
  if (problems.length > 0) return { problems };
  const system = definition.system ?? {};
  return {
    problems,
    set: {
      definition,
      name: definition.name,
      label: resolveLabels(definition.label, definition.name),
      system: {
        manageMetadata: system.manageMetadata === true,
        manageUsers: system.manageUsers === true,
        viewAllData: system.viewAllData === true || system.modifyAllData === true,
        modifyAllData: system.modifyAllData === true,
        viewAuditLog: system.viewAuditLog === true,
        editLockedRecords: system.editLockedRecords === true || system.modifyAllData === true,
      },
      objects: objectMap,
      fields: fieldMap,
    },
  };
}
