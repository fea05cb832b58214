import { readToken } from './expression-tokens';

/** A stretch of the source to underline. */
export interface SourceRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Where to underline a server error. The engine gives jsonata's position: the offset just AFTER
 * the offending token, so the range is the token that ends there; a parse that stopped at the
 * end of the source (`amount +`) underlines the last character, so that something shows.
 */
export function errorRange(source: string, position: number | undefined): SourceRange {
  if (source.length === 0) return { from: 0, to: 0 };
  if (position === undefined || !Number.isFinite(position)) return { from: 0, to: source.length };
  const end = Math.min(Math.max(Math.trunc(position), 1), source.length);
  let last: SourceRange = { from: end - 1, to: end };
  // The token that ends at (or runs over) the position; if that is a space, the token before it.
  for (let at = 0; at < end; ) {
    const token = readToken(source, at);
    if (token.kind !== 'space') last = { from: token.from, to: token.to };
    if (token.to >= end) return last;
    at = token.to;
  }
  return last;
}
