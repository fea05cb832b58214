/** One problem the server names: a JSON pointer into the body (`/amount`) and what to fix. */
export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
  /** Where in an expression the problem is (jsonata's offset just after the token), for the editor's underline. */
  readonly position?: number;
}

/** An error answer of the API, `{ error: { code, message, details } }`, with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
