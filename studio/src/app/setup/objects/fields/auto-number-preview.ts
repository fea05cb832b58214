/** What the first record's number looks like for an auto-number format: PR-{0000} with start 1 → PR-0001. */
export function autoNumberPreview(format: string, startAt = 1): string {
  // Only the first {0…} group is the counter, as in the engine; its zeros give the minimum width.
  return format.replace(/\{(0+)\}/, (_, zeros: string) => String(startAt).padStart(zeros.length, '0'));
}

/** An auto-number format needs exactly one {0…} counter group. */
export function hasCounter(format: string): boolean {
  return (format.match(/\{0+\}/g) ?? []).length === 1;
}
