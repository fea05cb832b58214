/** A field as the completion needs it: its name, type, label and, for a lookup, its target. */
export interface CompletionField {
  readonly name: string;
  readonly type: string;
  readonly label?: string;
  readonly target?: string;
}

export interface CompletionCandidate {
  /** What is inserted: `amount`, `account.industry`, `$sum`. */
  readonly label: string;
  readonly kind: 'field' | 'parent' | 'function';
  /** The field's label or type, shown beside the name. */
  readonly detail: string;
}

/** JSONata's built-in functions the engine allows, with their signature as a hint. */
export const JSONATA_FUNCTIONS: readonly (readonly [string, string])[] = [
  ['$sum', '(array)'], ['$count', '(array)'], ['$max', '(array)'], ['$min', '(array)'], ['$average', '(array)'],
  ['$string', '(value)'], ['$number', '(value)'], ['$boolean', '(value)'], ['$not', '(value)'], ['$exists', '(value)'],
  ['$length', '(text)'], ['$substring', '(text, start, length?)'], ['$uppercase', '(text)'], ['$lowercase', '(text)'],
  ['$trim', '(text)'], ['$contains', '(text, pattern)'], ['$join', '(array, separator?)'], ['$split', '(text, separator)'],
  ['$replace', '(text, pattern, replacement)'], ['$round', '(number, precision?)'], ['$floor', '(number)'], ['$ceil', '(number)'],
  ['$abs', '(number)'], ['$power', '(base, exponent)'], ['$now', '()'], ['$millis', '()'], ['$toMillis', '(timestamp)'],
  ['$fromMillis', '(millis)'], ['$lookup', '(object, key)'], ['$keys', '(object)'], ['$append', '(array, array)'],
];

const LOOKUP_TYPES = new Set(['lookup', 'masterdetail']);

/**
 * The names an expression of `objectName` may read: its fields, its parents' fields through
 * lookups (`account.industry`, then `account.owner.name` at depth 2), and the functions.
 * `fieldsOf` answers the fields of an object already loaded, or undefined when it is not.
 */
export function completionCandidates(
  objectName: string,
  fieldsOf: (object: string) => readonly CompletionField[] | undefined,
  depth = 2,
): CompletionCandidate[] {
  const candidates: CompletionCandidate[] = [];
  const walk = (object: string, prefix: string, level: number, seen: ReadonlySet<string>): void => {
    for (const field of fieldsOf(object) ?? []) {
      const label = prefix + field.name;
      candidates.push({ label, kind: prefix === '' ? 'field' : 'parent', detail: field.label ?? field.type });
      if (field.target && LOOKUP_TYPES.has(field.type) && level < depth && !seen.has(field.target)) {
        walk(field.target, `${label}.`, level + 1, new Set([...seen, field.target]));
      }
    }
  };
  walk(objectName, '', 0, new Set([objectName]));
  for (const [name, signature] of JSONATA_FUNCTIONS) candidates.push({ label: name, kind: 'function', detail: signature });
  return candidates;
}

/** The lookup targets the completion must load to go `depth` levels up from the object. */
export function parentObjectsToLoad(objectName: string, fieldsOf: (object: string) => readonly CompletionField[] | undefined, depth = 2): string[] {
  const wanted = new Set<string>();
  const walk = (object: string, level: number): void => {
    for (const field of fieldsOf(object) ?? []) {
      if (!field.target || !LOOKUP_TYPES.has(field.type) || level >= depth || field.target === objectName) continue;
      if (fieldsOf(field.target) === undefined) wanted.add(field.target);
      else walk(field.target, level + 1);
    }
  };
  walk(objectName, 0);
  return [...wanted];
}

/**
 * What the word before the cursor completes to: the dotted path being typed (`account.ind`) or a
 * `$` name. `from` is where the inserted text replaces the source.
 */
export function completionsAt(source: string, cursor: number, candidates: readonly CompletionCandidate[]): { from: number; options: CompletionCandidate[] } | null {
  const before = source.slice(0, cursor);
  const word = /(\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\.?|\$)$/.exec(before);
  if (!word) return null;
  // Inside a string literal nothing completes: count the quotes before the word.
  const quotes = (before.slice(0, word.index).match(/"/g) ?? []).length;
  if (quotes % 2 === 1) return null;
  const typed = word[0];
  const options = candidates.filter((candidate) => candidate.label.startsWith(typed) && candidate.label !== typed);
  return options.length === 0 ? null : { from: word.index, options };
}

/**
 * A field of an object definition as the completion needs it: `label` is the field's label in
 * the admin's language (or its name), `target` only when the definition names one.
 */
export function completionFieldOf(field: { readonly name: string; readonly type: string; readonly target?: unknown }, label: string): CompletionField {
  return { name: field.name, type: field.type, label, ...(typeof field.target === 'string' ? { target: field.target } : {}) };
}
