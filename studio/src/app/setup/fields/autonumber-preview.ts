/**
 * What an auto-number format gives its first record: the run of zeros in braces is the number,
 * padded to their count (PR-{0000} from 1 → PR-0001), as the engine numbers records.
 */
export function autoNumberPreview(format: string, startAt = 1): string | undefined {
  const match = /\{(0+)\}/.exec(format);
  if (!match) return undefined;
  const number = String(Math.max(0, Math.trunc(startAt))).padStart(match[1]!.length, '0');
  return format.slice(0, match.index) + number + format.slice(match.index + match[0].length);
}
