import { fromServer, localize } from '../../shared/i18n/localize';
import type { UiLanguage } from '../../shared/i18n/languages';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';

/** One record the server's search found (GET /api/v1/search). */
export interface SearchResult {
  readonly object: string;
  readonly objectLabel: string;
  readonly id: string;
  readonly name: string;
  readonly rank: string;
  readonly matched?: { readonly field: string; readonly label: string; readonly snippet: string };
}

/** The palette's groups, in the order it shows them. */
export const PALETTE_GROUPS = ['records', 'views', 'apps', 'pages'] as const;

export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

/** One line of the palette: where Enter goes, what it shows. */
export interface PaletteOption {
  readonly key: string;
  readonly group: PaletteGroup;
  readonly label: string;
  /** A second line: the record's object, and the field that matched when it is not the name. */
  readonly detail?: string;
  readonly path: string;
  /** An app to open (the shell remembers it as the current one) rather than only a path to go to. */
  readonly app?: string;
}

const HAN = /^\p{Script=Han}$/u;

/** The server's rule: two characters, or one Chinese character; fewer finds too much to be useful. */
export function canSearchRecords(text: string): boolean {
  const trimmed = text.trim();
  const length = [...trimmed].length;
  return length >= 2 || (length === 1 && HAN.test(trimmed));
}

/** The server's results as lines: labels from the cached metadata (so 繁中 reads Traditional), else the server's. */
export function recordOptions(results: readonly SearchResult[], objects: readonly ObjectDefinition[], language: UiLanguage): PaletteOption[] {
  return results.map((result) => {
    const object = objects.find((candidate) => candidate.name === result.object);
    const objectLabel = object ? localize(object.label, language, result.object) : fromServer(result.objectLabel, language);
    const field = result.matched ? object?.fields.find((candidate) => candidate.name === result.matched!.field) : undefined;
    const fieldLabel = result.matched ? (field ? localize(field.label, language, field.name) : fromServer(result.matched.label, language)) : undefined;
    return {
      key: `record:${result.object}:${result.id}`,
      group: 'records',
      label: result.name,
      detail: result.matched ? `${objectLabel} · ${fieldLabel}: ${result.matched.snippet}` : objectLabel,
      path: `/o/${result.object}/${encodeURIComponent(result.id)}`,
    };
  });
}

/** The active line after a key: arrows wrap around, Home and End jump; -1 when there is none. */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End'): number {
  if (count === 0) return -1;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  if (key === 'ArrowDown') return active < 0 || active >= count - 1 ? 0 : active + 1;
  return active <= 0 ? count - 1 : active - 1;
}

/** The text cut around the first place it holds the needle (case-insensitive), to mark the match. */
export function splitMatch(text: string, needle: string): readonly [string, string, string] {
  const trimmed = needle.trim();
  const at = trimmed === '' ? -1 : text.toLocaleLowerCase().indexOf(trimmed.toLocaleLowerCase());
  if (at < 0) return [text, '', ''];
  return [text.slice(0, at), text.slice(at, at + trimmed.length), text.slice(at + trimmed.length)];
}
