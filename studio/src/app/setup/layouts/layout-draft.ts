import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';

type LayoutField = string | { readonly field: string; readonly required?: boolean; readonly readOnly?: boolean };

/** A layout as /meta/layouts answers it (layout.schema.json). */
export interface LayoutDefinition {
  readonly name: string;
  readonly object: string;
  readonly label?: LocalizedText;
  readonly isDefault?: boolean;
  readonly roles?: readonly string[];
  readonly sections: readonly { readonly title?: LocalizedText; readonly columns?: 1 | 2; readonly collapsed?: boolean; readonly fields: readonly LayoutField[] }[];
  readonly relatedLists?: readonly unknown[];
}

export interface PlacedField {
  readonly field: string;
  readonly required: boolean;
  readonly readOnly: boolean;
}

export interface SectionDraft {
  /** Stable across moves, for drag and drop and React keys. */
  readonly id: string;
  readonly titleEn: string;
  readonly titleZh: string;
  readonly columns: 1 | 2;
  readonly fields: readonly PlacedField[];
}

export interface LayoutDraft {
  readonly name: string;
  readonly object: string;
  readonly labelEn: string;
  readonly labelZh: string;
  readonly isDefault: boolean;
  readonly roles: readonly string[];
  readonly sections: readonly SectionDraft[];
  /** Kept as they are: the editor does not change them yet. */
  readonly relatedLists?: readonly unknown[];
}

let sequence = 0;
const sectionId = () => `s${++sequence}`;

export function newSection(titleEn = '', titleZh = ''): SectionDraft {
  return { id: sectionId(), titleEn, titleZh, columns: 2, fields: [] };
}

export function layoutDraftOf(layout: LayoutDefinition): LayoutDraft {
  return {
    name: layout.name,
    object: layout.object,
    labelEn: layout.label?.en ?? '',
    labelZh: layout.label?.['zh-CN'] ?? '',
    isDefault: layout.isDefault === true,
    roles: [...(layout.roles ?? [])],
    sections: layout.sections.map((section) => ({
      id: sectionId(),
      titleEn: section.title?.en ?? '',
      titleZh: section.title?.['zh-CN'] ?? '',
      columns: section.columns ?? 1,
      fields: section.fields.map((entry) => (typeof entry === 'string' ? { field: entry, required: false, readOnly: false } : { field: entry.field, required: entry.required === true, readOnly: entry.readOnly === true })),
    })),
    ...(layout.relatedLists ? { relatedLists: layout.relatedLists } : {}),
  };
}

/** The layout to save: a field without flags as its bare name, empty sections left out. */
export function layoutDefinitionOf(draft: LayoutDraft): LayoutDefinition {
  const label = draftText(draft.labelEn, draft.labelZh);
  return {
    name: draft.name.trim(),
    object: draft.object,
    ...(label ? { label } : {}),
    ...(draft.isDefault ? { isDefault: true } : {}),
    ...(draft.roles.length > 0 ? { roles: [...draft.roles] } : {}),
    sections: draft.sections
      .filter((section) => section.fields.length > 0)
      .map((section) => {
        const title = draftText(section.titleEn, section.titleZh);
        return {
          ...(title ? { title } : {}),
          columns: section.columns,
          fields: section.fields.map((placed) => (placed.required || placed.readOnly ? { field: placed.field, ...(placed.required ? { required: true } : {}), ...(placed.readOnly ? { readOnly: true } : {}) } : placed.field)),
        };
      }),
    ...(draft.relatedLists ? { relatedLists: draft.relatedLists } : {}),
  };
}

/** The object's fields no section places yet, in the object's order: the palette. */
export function unplacedFields(draft: LayoutDraft, fields: readonly string[]): string[] {
  const placed = new Set(draft.sections.flatMap((section) => section.fields.map((entry) => entry.field)));
  return fields.filter((field) => !placed.has(field));
}

/** Where a field stands: its section's index and its own, or undefined in the palette. */
export function locate(draft: LayoutDraft, field: string): { section: number; index: number } | undefined {
  for (const [section, candidate] of draft.sections.entries()) {
    const index = candidate.fields.findIndex((entry) => entry.field === field);
    if (index >= 0) return { section, index };
  }
  return undefined;
}

/**
 * The field put at `index` of section `to` (the end when past it), taken from wherever it was: the
 * palette, its own section (a reorder) or another (a move, its flags kept).
 */
export function placeField(draft: LayoutDraft, field: string, to: number, index: number): LayoutDraft {
  const from = locate(draft, field);
  const entry = from ? draft.sections[from.section]!.fields[from.index]! : { field, required: false, readOnly: false };
  const sections = draft.sections.map((section) => ({ ...section, fields: section.fields.filter((placed) => placed.field !== field) }));
  const target = sections[to];
  if (!target) return draft;
  const at = Math.max(0, Math.min(index, target.fields.length));
  sections[to] = { ...target, fields: [...target.fields.slice(0, at), entry, ...target.fields.slice(at)] };
  return { ...draft, sections };
}

/** The field back in the palette. */
export function removeField(draft: LayoutDraft, field: string): LayoutDraft {
  return { ...draft, sections: draft.sections.map((section) => ({ ...section, fields: section.fields.filter((placed) => placed.field !== field) })) };
}

/** A flag of a placed field (required or read only on this layout). */
export function setFlag(draft: LayoutDraft, field: string, flag: 'required' | 'readOnly', on: boolean): LayoutDraft {
  return { ...draft, sections: draft.sections.map((section) => ({ ...section, fields: section.fields.map((placed) => (placed.field === field ? { ...placed, [flag]: on } : placed)) })) };
}

export function updateSection(draft: LayoutDraft, id: string, patch: Partial<Omit<SectionDraft, 'id' | 'fields'>>): LayoutDraft {
  return { ...draft, sections: draft.sections.map((section) => (section.id === id ? { ...section, ...patch } : section)) };
}

/** A section removed; its fields go back to the palette. */
export function removeSection(draft: LayoutDraft, id: string): LayoutDraft {
  return { ...draft, sections: draft.sections.filter((section) => section.id !== id) };
}

export function moveSection(draft: LayoutDraft, id: string, delta: -1 | 1): LayoutDraft {
  const from = draft.sections.findIndex((section) => section.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= draft.sections.length) return draft;
  const sections = [...draft.sections];
  [sections[from], sections[to]] = [sections[to]!, sections[from]!];
  return { ...draft, sections };
}

export type LayoutControl = 'name' | 'labelEn' | 'labelZh' | 'roles' | 'sections';

export function layoutErrors(details: readonly ErrorDetail[]) {
  return controlErrors<LayoutControl>(details, [
    [/^\/name$/, 'name'],
    [/^\/label(\/en)?$/, 'labelEn'],
    [/^\/label\/zh-CN$/, 'labelZh'],
    [/^\/roles(\/|$)/, 'roles'],
    [/^\/sections(\/|$)/, 'sections'],
  ]);
}
