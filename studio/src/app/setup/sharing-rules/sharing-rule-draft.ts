import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { filterToModel, modelToFilter, type FilterJson, type FilterModel } from '../../list/filter/filter-rows';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';

/** Who a rule names (sharing-rule.schema.json's Grantee): exactly one of a role, a role and those below it, a group. */
export type Grantee = { readonly role: string } | { readonly roleAndSubordinates: string } | { readonly group: string };
export const GRANTEE_KINDS = ['role', 'roleAndSubordinates', 'group'] as const;
export type GranteeKind = (typeof GRANTEE_KINDS)[number];

/** A sharing rule as /meta/sharing-rules answers it. */
export interface SharingRuleDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly object: string;
  readonly criteria?: FilterJson | 'all';
  readonly ownedBy?: Grantee;
  readonly sharedWith: Grantee;
  readonly access: 'read' | 'edit';
}

/** Which records a rule shares: those matching conditions, every record, or those owned by a role's or group's users. */
export type RuleScope = 'criteria' | 'all' | 'owner';

export interface GranteeDraft {
  readonly kind: GranteeKind;
  readonly name: string | undefined;
}

export interface SharingRuleDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly description: string;
  readonly object: string | undefined;
  readonly scope: RuleScope;
  readonly criteria: FilterModel;
  /** Conditions the editor cannot show as rows (nested and/or written by a script), kept as they are until replaced. */
  readonly custom?: FilterJson;
  readonly ownedBy: GranteeDraft;
  readonly sharedWith: GranteeDraft;
  readonly access: 'read' | 'edit';
}

export type SharingRuleControl = 'labelEn' | 'labelZh' | 'name' | 'description' | 'object' | 'criteria' | 'ownedBy' | 'sharedWith' | 'access';

const NO_GRANTEE: GranteeDraft = { kind: 'role', name: undefined };
export const EMPTY_SHARING_RULE: SharingRuleDraft = {
  labelEn: '',
  labelZh: '',
  name: '',
  description: '',
  object: undefined,
  scope: 'criteria',
  criteria: { join: 'and', rows: [] },
  ownedBy: NO_GRANTEE,
  sharedWith: NO_GRANTEE,
  access: 'read',
};

export function granteeDraftOf(grantee: Grantee | undefined): GranteeDraft {
  if (!grantee) return NO_GRANTEE;
  const kind = GRANTEE_KINDS.find((candidate) => candidate in grantee) ?? 'role';
  return { kind, name: (grantee as Record<string, string>)[kind] };
}

export function granteeOf(draft: GranteeDraft): Grantee | undefined {
  if (!draft.name) return undefined;
  return { [draft.kind]: draft.name } as Grantee;
}

/**
 * A rule's draft. Criteria the condition editor cannot show as rows (nested and/or, written by a
 * script) are kept whole in `custom`, so saving other changes does not lose them.
 */
export function sharingRuleDraftOf(rule: SharingRuleDefinition): SharingRuleDraft {
  const written = rule.criteria === undefined || rule.criteria === 'all' ? undefined : rule.criteria;
  const criteria = written === undefined ? { join: 'and' as const, rows: [] } : filterToModel(written);
  return {
    labelEn: rule.label?.en ?? '',
    labelZh: rule.label?.['zh-CN'] ?? '',
    name: rule.name,
    description: rule.description ?? '',
    object: rule.object,
    scope: rule.ownedBy ? 'owner' : rule.criteria === 'all' ? 'all' : 'criteria',
    criteria: criteria ?? { join: 'and', rows: [] },
    ...(criteria || written === undefined ? {} : { custom: written }),
    ownedBy: granteeDraftOf(rule.ownedBy),
    sharedWith: granteeDraftOf(rule.sharedWith),
    access: rule.access,
  };
}

/**
 * The definition to save: exactly one of criteria and ownedBy, as the schema wants. Incomplete
 * conditions are left out; none left sends an empty condition, which the server refuses with its
 * reason (sharing everything must be said with "all records").
 */
export function sharingRuleDefinitionOf(draft: SharingRuleDraft): { name: string; label?: LocalizedText } & Record<string, unknown> {
  const label = draftText(draft.labelEn, draft.labelZh);
  const conditions = modelToFilter(draft.criteria) ?? draft.custom ?? {};
  const which = draft.scope === 'owner' ? { ownedBy: granteeOf(draft.ownedBy) ?? {} } : draft.scope === 'all' ? { criteria: 'all' } : { criteria: conditions };
  return {
    name: draft.name.trim(),
    ...(label ? { label } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    object: draft.object ?? '',
    ...which,
    sharedWith: granteeOf(draft.sharedWith) ?? {},
    access: draft.access,
  };
}

const CONTROLS: readonly (readonly [RegExp, SharingRuleControl])[] = [
  [/^\/name$/, 'name'],
  [/^\/label(\/en)?$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/description$/, 'description'],
  [/^\/object$/, 'object'],
  [/^\/criteria(\/|$)/, 'criteria'],
  [/^\/ownedBy(\/|$)/, 'ownedBy'],
  [/^\/sharedWith(\/|$)/, 'sharedWith'],
  [/^\/access$/, 'access'],
];

export function sharingRuleErrors(details: readonly ErrorDetail[]) {
  return controlErrors(details, CONTROLS);
}
