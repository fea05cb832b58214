import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';

/** A public group as /meta/groups answers it (group.schema.json): its members of three kinds. */
export interface GroupDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly users?: readonly string[];
  readonly roles?: readonly string[];
  readonly rolesAndSubordinates?: readonly string[];
}

export interface GroupDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly description: string;
  readonly users: string[];
  readonly roles: string[];
  readonly rolesAndSubordinates: string[];
}

export type GroupControl = keyof GroupDraft;

export const EMPTY_GROUP: GroupDraft = { labelEn: '', labelZh: '', name: '', description: '', users: [], roles: [], rolesAndSubordinates: [] };

export function groupDraftOf(group: GroupDefinition): GroupDraft {
  return {
    labelEn: group.label?.en ?? '',
    labelZh: group.label?.['zh-CN'] ?? '',
    name: group.name,
    description: group.description ?? '',
    users: [...(group.users ?? [])],
    roles: [...(group.roles ?? [])],
    rolesAndSubordinates: [...(group.rolesAndSubordinates ?? [])],
  };
}

/** The whole definition (PUT replaces it): member lists left empty are left out, as the files keep only what differs. */
export function groupDefinitionOf(draft: GroupDraft): GroupDefinition {
  const label = draftText(draft.labelEn, draft.labelZh);
  return {
    name: draft.name.trim(),
    ...(label ? { label } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(draft.users.length > 0 ? { users: draft.users } : {}),
    ...(draft.roles.length > 0 ? { roles: draft.roles } : {}),
    ...(draft.rolesAndSubordinates.length > 0 ? { rolesAndSubordinates: draft.rolesAndSubordinates } : {}),
  };
}

/** How many members a group names, of each kind (the list shows them). */
export function memberCounts(group: GroupDefinition): { users: number; roles: number; rolesAndSubordinates: number } {
  return { users: group.users?.length ?? 0, roles: group.roles?.length ?? 0, rolesAndSubordinates: group.rolesAndSubordinates?.length ?? 0 };
}

const CONTROLS: readonly (readonly [RegExp, GroupControl])[] = [
  [/^\/name$/, 'name'],
  [/^\/label(\/en)?$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/description$/, 'description'],
  [/^\/users(\/|$)/, 'users'],
  [/^\/roles(\/|$)/, 'roles'],
  [/^\/rolesAndSubordinates(\/|$)/, 'rolesAndSubordinates'],
];

export function groupErrors(details: readonly ErrorDetail[]) {
  return controlErrors(details, CONTROLS);
}
