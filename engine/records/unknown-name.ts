import type { ErrorDetail } from '../errors/index.js';
import { closestName } from '../formula/closest-name.js';

/**
 * The one answer to a query parameter naming something that is not there (`sort=amonut`,
 * `expand=__proto__`): the parameter, the name, and the nearest valid name as a hint. Names are
 * always looked up as own entries (Maps, Object.hasOwn), never through a prototype, so
 * `constructor` or `__proto__` are unknown like any other misspelling.
 */
export function unknownName(parameter: string, name: string, what: string, candidates: Iterable<string>): ErrorDetail {
  const suggestion = closestName(name, candidates);
  return { path: `/${parameter}`, message: `'${name}' is not ${what}${suggestion === undefined ? '' : `; did you mean '${suggestion}'?`}` };
}
