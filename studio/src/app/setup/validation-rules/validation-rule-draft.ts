import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';

/** A validation rule as the object definition holds it (object.schema.json's ValidationRule). */
export interface ValidationRuleDefinition {
  readonly name: string;
  /** True when the record is NOT valid. */
  readonly condition: string;
  readonly message: LocalizedText;
  readonly field?: string;
  readonly active?: boolean;
}

export interface ValidationRuleDraft {
  readonly name: string;
  readonly condition: string;
  readonly messageEn: string;
  readonly messageZh: string;
  readonly field: string | undefined;
  readonly active: boolean;
}

export type ValidationRuleControl = keyof ValidationRuleDraft;

export const NEW_RULE: ValidationRuleDraft = { name: '', condition: '', messageEn: '', messageZh: '', field: undefined, active: true };

export function ruleDraftOf(rule: ValidationRuleDefinition): ValidationRuleDraft {
  return { name: rule.name, condition: rule.condition, messageEn: rule.message.en ?? '', messageZh: rule.message['zh-CN'] ?? '', field: rule.field, active: rule.active !== false };
}

export function ruleDefinitionOf(draft: ValidationRuleDraft): ValidationRuleDefinition {
  return {
    name: draft.name.trim(),
    condition: draft.condition.trim(),
    message: draftText(draft.messageEn, draft.messageZh) ?? {},
    ...(draft.field ? { field: draft.field } : {}),
    ...(draft.active ? {} : { active: false }),
  };
}

/** The object's rules with one saved in place of `replacing` (or added at the end), or removed. */
export function rulesWith(rules: readonly ValidationRuleDefinition[], replacing: string | undefined, next: ValidationRuleDefinition | null): ValidationRuleDefinition[] {
  const index = replacing === undefined ? -1 : rules.findIndex((rule) => rule.name === replacing);
  if (next === null) return rules.filter((_, at) => at !== index);
  return index < 0 ? [...rules, next] : rules.map((rule, at) => (at === index ? next : rule));
}

/**
 * The server's problems with the rule at `index` of the array sent, on the editor's controls
 * (`/validationRules/2/condition` → condition); another rule's problems, or the object's, stay for
 * the form as a whole.
 */
export function ruleErrors(details: readonly ErrorDetail[], index: number) {
  const prefix = `^/validationRules/${index}`;
  return controlErrors(details, [
    [new RegExp(`${prefix}/name$`), 'name'],
    [new RegExp(`${prefix}/condition$`), 'condition'],
    [new RegExp(`${prefix}/message(/en)?$`), 'messageEn'],
    [new RegExp(`${prefix}/message/zh-CN$`), 'messageZh'],
    [new RegExp(`${prefix}/field$`), 'field'],
    [new RegExp(`${prefix}(/active)?$`), 'condition'],
  ] as const);
}
