/**
 * What a spreadsheet may run as a formula when a cell starts with it (CSV injection): = + - @, a
 * tab, a line break, and the full-width forms that some spreadsheets read as their ASCII twins.
 */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/**
 * Text a spreadsheet shows as written: a leading apostrophe makes a formula-like text plain text.
 * Every piece of text goes through here, whatever the field's type, because a list's items or an
 * embedded parent's values are split back into cells by the people who open the file.
 */
function defused(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: unknown): string {
  // Numbers and booleans are shown as they are: -12.5 is a number, not a formula.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return defused(value.map((item) => (item === null || item === undefined ? '' : cellText(item))).join(';'));
  return defused(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** One CSV cell (RFC 4180): quoted when it holds a separator, a quote or a line break; lists joined by ';'. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = cellText(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
