import type { LocalizedText } from '../../../shared/i18n/localize';
import type { ObjectDefinition } from '../../../shared/metadata/object-definition';

/** A related list of a layout (layout.schema.json's RelatedList); columns and label are kept as written. */
export interface RelatedListDraft {
  readonly object: string;
  readonly field?: string;
  readonly columns?: readonly string[];
  readonly label?: LocalizedText;
}

/** A child object's lookup or master-detail field pointing at the parent: one possible related list. */
export interface RelatedCandidate {
  readonly object: string;
  readonly field: string;
}

export const relatedKey = (list: { object: string; field?: string }) => `${list.object}.${list.field ?? ''}`;

/** Every child field pointing at `parent`, objects and fields in definition order. */
export function relatedCandidates(parent: string, objects: readonly ObjectDefinition[]): RelatedCandidate[] {
  return objects.flatMap((child) =>
    child.fields.filter((field) => (field.type === 'lookup' || field.type === 'masterdetail') && field.target === parent).map((field) => ({ object: child.name, field: field.name })),
  );
}

/**
 * Whether a list shows this candidate: same child, and the same field or none (the engine then
 * takes the child's only field pointing here).
 */
export function listShows(list: RelatedListDraft, candidate: RelatedCandidate): boolean {
  return list.object === candidate.object && (list.field === undefined || list.field === candidate.field);
}

/** The candidates not yet on the layout, for the "Add related list" picker. */
export function unusedCandidates(lists: readonly RelatedListDraft[], candidates: readonly RelatedCandidate[]): RelatedCandidate[] {
  return candidates.filter((candidate) => !lists.some((list) => listShows(list, candidate)));
}

/** The list added at the end, its field named so a second lookup added later cannot make it ambiguous. */
export function addRelatedList(lists: readonly RelatedListDraft[], candidate: RelatedCandidate): RelatedListDraft[] {
  return [...lists, { object: candidate.object, field: candidate.field }];
}

export function removeRelatedList(lists: readonly RelatedListDraft[], index: number): RelatedListDraft[] {
  return lists.filter((_, i) => i !== index);
}

export function moveRelatedList(lists: readonly RelatedListDraft[], index: number, delta: -1 | 1): RelatedListDraft[] {
  const to = index + delta;
  if (index < 0 || index >= lists.length || to < 0 || to >= lists.length) return [...lists];
  const moved = [...lists];
  [moved[index], moved[to]] = [moved[to]!, moved[index]!];
  return moved;
}
