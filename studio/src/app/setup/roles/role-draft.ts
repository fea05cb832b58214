import type { ErrorDetail } from '../../../shared/api/api-error';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';
import type { RoleDefinition } from './role-tree';

/** What the role form edits; `reportsTo` empty means the top of the hierarchy. */
export interface RoleDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly description: string;
  readonly reportsTo: string;
}

export type RoleControl = keyof RoleDraft;

export const EMPTY_ROLE: RoleDraft = { labelEn: '', labelZh: '', name: '', description: '', reportsTo: '' };

export function roleDraftOf(role: RoleDefinition): RoleDraft {
  return {
    labelEn: role.label?.en ?? '',
    labelZh: role.label?.['zh-CN'] ?? '',
    name: role.name,
    description: role.description ?? '',
    reportsTo: role.reportsTo ?? '',
  };
}

/** The whole definition the draft says, languages and description left blank left out. */
export function roleDefinitionOf(draft: RoleDraft): RoleDefinition {
  const label = draftText(draft.labelEn, draft.labelZh);
  return {
    name: draft.name.trim(),
    ...(label ? { label } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(draft.reportsTo ? { reportsTo: draft.reportsTo } : {}),
  };
}

const CONTROLS: readonly (readonly [RegExp, RoleControl])[] = [
  [/^\/name$/, 'name'],
  [/^\/label(\/en)?$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/description$/, 'description'],
  [/^\/reportsTo$/, 'reportsTo'],
];

/** The server's problems with a role on the form's controls. */
export function roleErrors(details: readonly ErrorDetail[]) {
  return controlErrors(details, CONTROLS);
}
