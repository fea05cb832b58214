import { ValidationError } from '../errors/index.js';
import { checkJsonNesting } from './json-nesting.js';
import { msg } from '../i18n/message.js';

/** One query parameter as a string: repeated parameters are refused rather than silently merged. */
export function queryString(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ValidationError([{ path: `/${name}`, message: msg`must be given once, as text` }]);
  return value;
}

/** A query parameter that carries JSON (`filter`): refused when nested too deep, before anything parses it. */
export function queryJson(query: Record<string, unknown>, name: string): string | undefined {
  const value = queryString(query, name);
  if (value !== undefined) checkJsonNesting(value, `/${name}`);
  return value;
}
