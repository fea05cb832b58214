import { ValidationError } from '../errors/index.js';

/** One query parameter as a string: repeated parameters are refused rather than silently merged. */
export function queryString(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ValidationError([{ path: `/${name}`, message: 'must be given once, as text' }]);
  return value;
}
