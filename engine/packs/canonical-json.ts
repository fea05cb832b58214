/** Keys that say what a definition (or a field, a step) is come first; every other key follows in alphabetical order. */
const LEADING_KEYS = ['name', 'object', 'type', 'label', 'pluralLabel', 'description'];

/**
 * The text of one definition as a pack's file holds it: keys in a stable order (the leading
 * ones, then alphabetical), lists in their own order, two-space indentation and a final newline.
 * The same definition always gives the same text, so a change in the studio is a small diff.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(ordered(value), null, 2)}\n`;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, ordered(record[key])]));
}

function rank(key: string): number {
  const at = LEADING_KEYS.indexOf(key);
  return at === -1 ? LEADING_KEYS.length : at;
}
