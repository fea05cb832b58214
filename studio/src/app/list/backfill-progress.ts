import { localize } from '../../shared/i18n/localize';
import type { UiLanguage } from '../../shared/i18n/languages';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';

/** A running backfill as GET /api/v1/meta/backfills answers it: what the studio shows of it. */
export interface BackfillProgress {
  readonly _id: string;
  readonly fields: readonly string[];
  readonly done: number;
  readonly total: number;
  readonly percent: number;
}

/**
 * The labels of the fields a backfill recomputes, from its stored paths: a field's own name, its
 * plain text (`_text.body`) or its converted amount (`amount__corporate`).
 * Paths that name no field of the object (system values) are left out; none left: the first path.
 */
export function backfillFieldLabels(object: ObjectDefinition, paths: readonly string[], language: UiLanguage): string[] {
  const labels = new Set<string>();
  for (const path of paths) {
    const name = path.replace(/^_text\./, '').replace(/__corporate$/, '');
    const field = object.fields.find((candidate) => candidate.name === name);
    if (field) labels.add(localize(field.label, language, field.name));
  }
  return labels.size > 0 ? [...labels] : paths.slice(0, 1);
}

/** The field a refused filter or sort named (409 `backfill_in_progress`, detail path `/total`), as its label. */
export function refusedFieldLabel(object: ObjectDefinition, detailPath: string | undefined, language: UiLanguage): string {
  const path = (detailPath ?? '').replace(/^\//, '');
  return backfillFieldLabels(object, path ? [path] : [], language)[0] ?? path;
}
