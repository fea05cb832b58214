import type { LocalizedText } from '../../../shared/i18n/localize';

/** A picklist value as metadata writes it: a bare value, or one with labels and an active flag. */
export type PicklistValueDefinition = string | { readonly value: string; readonly label?: LocalizedText; readonly active?: boolean };

/** One value as the editor holds it. */
export interface PicklistValueDraft {
  readonly value: string;
  readonly labelEn: string;
  readonly labelZh: string;
  readonly active: boolean;
}

export function valueDraftOf(value: PicklistValueDefinition): PicklistValueDraft {
  if (typeof value === 'string') return { value, labelEn: '', labelZh: '', active: true };
  return { value: value.value, labelEn: value.label?.en ?? '', labelZh: value.label?.['zh-CN'] ?? '', active: value.active !== false };
}

/** A value as the definition keeps it: bare when it has nothing but its value, as files keep only what differs. */
export function valueDefinitionOf(draft: PicklistValueDraft): PicklistValueDefinition {
  const label = { ...(draft.labelEn.trim() ? { en: draft.labelEn.trim() } : {}), ...(draft.labelZh.trim() ? { 'zh-CN': draft.labelZh.trim() } : {}) };
  const value = draft.value.trim();
  if (Object.keys(label).length === 0 && draft.active) return value;
  return { value, ...(Object.keys(label).length > 0 ? { label } : {}), ...(draft.active ? {} : { active: false }) };
}

/** The values with the one at `from` moved to `to` (drag and drop, or the keyboard's move up/down). */
export function moveValue(values: readonly PicklistValueDraft[], from: number, to: number): PicklistValueDraft[] {
  const next = [...values];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** A value for a new line: the stored value follows the English label, as API names do, and never repeats one. */
export function suggestValue(label: string, taken: readonly string[]): string {
  const base = label.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'value';
  let candidate = base;
  for (let n = 2; taken.includes(candidate); n++) candidate = `${base}_${n}`;
  return candidate;
}
