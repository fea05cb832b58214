import { localize } from '../../../shared/i18n/localize';
import type { UiLanguage } from '../../../shared/i18n/languages';
import type { FieldDefinition } from '../../../shared/metadata/object-definition';
import type { RecordLike } from '../../../shared/metadata/record-value';
import type { FilterJson } from '../filter/filter-rows';
import type { ListAnswer } from '../list-query';

export interface KanbanColumn {
  /** The picklist value, or null for the records without one. */
  readonly value: string | null;
  readonly label: string;
}

/** One column per picklist value, in the admin's order, then one for records without a value. */
export function kanbanColumns(field: FieldDefinition, language: UiLanguage, noValue: string): KanbanColumn[] {
  const values = (field.values ?? []).map((entry) =>
    typeof entry === 'string' ? { value: entry, label: entry } : { value: entry.value, label: localize(entry.label, language, entry.value) },
  );
  return [...values, { value: null, label: noValue }];
}

/** The records of one column: the view's filter and the column's value, both. */
export function columnFilter(field: string, value: string | null, view: FilterJson | undefined): FilterJson {
  const own = value === null ? { [field]: { isNull: true } } : { [field]: value };
  return view ? { and: [view, own] } : own;
}

/**
 * The two columns' pages after a card moved from one to the other, before the server answered:
 * the card leaves the first (its count one less) and heads the second with its new value.
 */
export function moveCard(from: ListAnswer, to: ListAnswer, id: string, field: string, value: string | null): { from: ListAnswer; to: ListAnswer } {
  const card = from.records.find((record) => record._id === id);
  if (!card) return { from, to };
  const moved: RecordLike = { ...card, [field]: value };
  return {
    from: { ...from, records: from.records.filter((record) => record._id !== id), total: from.total === null ? null : from.total - 1 },
    to: { ...to, records: [moved, ...to.records], total: to.total === null ? null : to.total + 1 },
  };
}
