import { StaleVersionError, ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';

/** Parses If-Match: a version number, bare or as the quoted ETag the API sent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new ValidationError([{ path: '/headers/if-match', message: msg`must be the record's version, like "3", got '${header}'` }]);
  return Number(match[1]);
}

export function checkVersion(expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual) throw new StaleVersionError(expected, actual);
}
