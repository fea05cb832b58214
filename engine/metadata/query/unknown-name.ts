import type { ErrorDetail } from '../../errors/index.js';
import { closestName } from '../../formula/closest-name.js';
import { msg, type Text } from '../../i18n/message.js';

/**
 * The one answer to a query parameter naming something that is not there (`sort=amonut`,
 * `expand=__proto__`): the parameter, the name, and the nearest valid name as a hint. Names are
 * always looked up as own entries (Maps, Object.hasOwn), never through a prototype, so
 * `constructor` or `__proto__` are unknown like any other misspelling.
 */
export function unknownName(parameter: string, name: string, what: Text, candidates: Iterable<string>): ErrorDetail {
  const suggestion = closestName(name, candidates);
  return { path: `/${parameter}`, message: suggestion === undefined ? msg`'${name}' is not ${what}` : msg`'${name}' is not ${what}; did you mean '${suggestion}'?` };
}
