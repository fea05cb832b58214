import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { OBJECT_RIGHTS, SYSTEM_RIGHTS, type FieldRights, type ObjectRights, type SystemRight } from './permission-set-rights';

/** A permission set as /meta/permission-sets answers it (permission-set.schema.json). */
export interface PermissionSetDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly system?: Readonly<Partial<Record<SystemRight, boolean>>>;
  readonly objects?: Readonly<Record<string, ObjectRights>>;
  readonly fields?: Readonly<Record<string, Readonly<Record<string, FieldRights>>>>;
}

/** What the editor holds: the form's texts, and the rights as the matrices edit them. */
export interface PermissionSetDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly description: string;
  readonly system: Readonly<Partial<Record<SystemRight, boolean>>>;
  readonly objects: Readonly<Record<string, ObjectRights>>;
  /** By object, then field: only the fields the set narrows. */
  readonly fields: Readonly<Record<string, Readonly<Record<string, FieldRights>>>>;
}

export const EMPTY_PERMISSION_SET: PermissionSetDraft = { labelEn: '', labelZh: '', name: '', description: '', system: {}, objects: {}, fields: {} };

export function permissionSetDraftOf(definition: PermissionSetDefinition): PermissionSetDraft {
  return {
    labelEn: definition.label?.en ?? '',
    labelZh: definition.label?.['zh-CN'] ?? '',
    name: definition.name,
    description: definition.description ?? '',
    system: definition.system ?? {},
    objects: definition.objects ?? {},
    fields: definition.fields ?? {},
  };
}

/**
 * The definition to save: labels left blank left out, objects without a right left out, field
 * entries kept only for objects still named, each system right only when granted.
 */
export function permissionSetDefinitionOf(draft: PermissionSetDraft): PermissionSetDefinition {
  const label: Record<string, string> = {};
  if (draft.labelEn.trim()) label.en = draft.labelEn.trim();
  if (draft.labelZh.trim()) label['zh-CN'] = draft.labelZh.trim();
  const objects = Object.fromEntries(
    Object.entries(draft.objects)
      .map(([object, rights]) => [object, Object.fromEntries(OBJECT_RIGHTS.filter((right) => rights[right] === true).map((right) => [right, true]))] as const)
      .filter(([, rights]) => Object.keys(rights).length > 0),
  );
  const fields = Object.fromEntries(Object.entries(draft.fields).filter(([object, narrowed]) => object in objects && Object.keys(narrowed).length > 0));
  const system = Object.fromEntries(SYSTEM_RIGHTS.filter((right) => draft.system[right] === true).map((right) => [right, true]));
  return {
    name: draft.name.trim(),
    ...(Object.keys(label).length > 0 ? { label } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(Object.keys(system).length > 0 ? { system } : {}),
    ...(Object.keys(objects).length > 0 ? { objects } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}

/** The controls of the form a server problem can land on; matrix cells are named `objects/<object>` and `fields/<object>`. */
export type PermissionSetControl = 'labelEn' | 'labelZh' | 'name' | 'description' | 'system' | `objects/${string}` | `fields/${string}`;

/** The server's problems by the control that caused them (a right's path names its row), the rest for the form. */
export function permissionSetErrors(details: readonly ErrorDetail[]): { controls: Partial<Record<PermissionSetControl, string[]>>; form: string[] } {
  const controls: Partial<Record<PermissionSetControl, string[]>> = {};
  const form: string[] = [];
  for (const detail of details) {
    const control = controlOf(detail.path);
    if (control) (controls[control] ??= []).push(detail.message);
    else form.push(detail.message);
  }
  return { controls, form };
}

function controlOf(path: string): PermissionSetControl | undefined {
  if (path === '/name') return 'name';
  if (path === '/label' || path === '/label/en') return 'labelEn';
  if (path === '/label/zh-CN') return 'labelZh';
  if (path === '/description') return 'description';
  if (path.startsWith('/system')) return 'system';
  const row = /^\/(objects|fields)\/([^/]+)/.exec(path);
  return row ? (`${row[1]}/${row[2]}` as PermissionSetControl) : undefined;
}
