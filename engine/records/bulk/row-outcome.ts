import { isEngineError, type ErrorDetail } from '../../errors/index.js';
import type { Language } from '../../i18n/language.js';
import { msg, renderText, type Text } from '../../i18n/message.js';

/** Why one record of a bulk write or an import failed: what the API would have answered for it alone. */
export interface RowError {
  readonly code: string;
  readonly status: number;
  readonly message: Text;
  readonly details: readonly ErrorDetail[];
}

/** What happened to one record of a batch. */
export type RowOutcome =
  | { readonly status: 'created' | 'updated'; readonly id: string }
  /** A row an earlier run of an import already wrote (to this record): not written again. */
  | { readonly status: 'skipped'; readonly id: string }
  | { readonly status: 'failed'; readonly error: RowError };

/**
 * A record's failure as the client would have received it: an engine error as it is; anything
 * else is a fault of the platform (logged, and said as a 500 would say it), never the record's.
 */
export function rowError(error: unknown): RowError {
  if (isEngineError(error) && error.isPublic) return { code: error.code, status: error.status, message: error.text, details: error.details };
  console.error('bulk: a record failed with an internal error:', error);
  return { code: 'internal', status: 500, message: msg`Something went wrong on the server; the error has been logged.`, details: [] };
}

/** A row's error in the reader's language, in the shape of the API's errors. */
export interface PresentedRowError {
  code: string;
  message: string;
  details: { path: string; message: string }[];
}

export function presentRowError(error: RowError, language: Language): PresentedRowError {
  return {
    code: error.code,
    message: renderText(error.message, language),
    details: error.details.map((detail) => ({ path: detail.path, message: renderText(detail.message, language) })),
  };
}
