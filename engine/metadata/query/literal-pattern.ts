/** Text as a regular expression that matches it literally: `a.b` finds "a.b", not "axb". */
export function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
