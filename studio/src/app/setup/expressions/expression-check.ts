import { isApiError } from '../../../shared/api/api-error';

/** A problem of an expression the server found, with jsonata's position when it has one. */
export interface ExpressionProblem {
  readonly message: string;
  readonly position?: number;
}

/** What the live check of an expression found: its value on the record picked, or its problem. */
export type ExpressionCheck =
  | { readonly state: 'idle' }
  | { readonly state: 'value'; readonly value: unknown }
  | { readonly state: 'problem'; readonly problem: ExpressionProblem };

/** The body of POST /meta/expressions/test: a stored record when one is picked, else an empty one (the parse alone is checked). */
export function expressionTestBody(object: string, expression: string, recordId: string | undefined): Record<string, unknown> {
  return recordId ? { object, expression, recordId } : { object, expression, record: {} };
}

/**
 * What the check shows: the value when a record is picked; a refusal's first problem on the
 * expression (with its position) or its message. Without a record only a parse error counts: an
 * evaluation error on an empty record says nothing about real ones.
 */
export function expressionCheckOf(outcome: { readonly value: unknown } | { readonly error: unknown }, recordPicked: boolean): ExpressionCheck {
  if ('value' in outcome) return recordPicked ? { state: 'value', value: outcome.value } : { state: 'idle' };
  const { error } = outcome;
  if (!recordPicked && !isApiError(error, 400)) return { state: 'idle' };
  if (!isApiError(error)) return { state: 'problem', problem: { message: error instanceof Error ? error.message : String(error) } };
  const detail = error.details.find((candidate) => candidate.path === '/expression') ?? error.details[0];
  if (!detail) return { state: 'problem', problem: { message: error.message } };
  return { state: 'problem', problem: detail.position === undefined ? { message: detail.message } : { message: detail.message, position: detail.position } };
}

/** A value as the preview shows it: text in quotes (so "" and " " are visible), JSON for the rest; undefined for no value. */
export function previewText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}
