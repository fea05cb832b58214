import type { Text } from '../i18n/message.js';

/**
 * One problem with one part of the input, located by a JSON Pointer into the request body or query.
 * The message is written with msg`…` so that it reaches each reader in their language.
 */
export interface ErrorDetail {
  path: string;
  message: Text;
  /** For an expression: jsonata's offset just after the offending token, so an editor can underline it. */
  position?: number;
}

export interface EngineErrorOptions {
  details?: ErrorDetail[];
  /** Internal errors keep their message out of responses; everything raised on purpose is public. */
  isPublic?: boolean;
  cause?: unknown;
}

/** Marks every engine error, whichever copy of this module made it (see isEngineError). */
const ENGINE_ERROR = Symbol.for('lowcode-crm.engine-error');

/**
 * The one error base of the engine. Every failure a client can cause is an EngineError with a
 * stable machine code and an HTTP status; the http layer maps it without knowing the kinds, and
 * renders `text` and the details in the request's language (`message` is the English rendering).
 */
export class EngineError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetail[];
  readonly isPublic: boolean;
  readonly text: Text;

  constructor(code: string, status: number, message: Text, options: EngineErrorOptions = {}) {
    super(String(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.text = message;
    this.details = options.details ?? [];
    this.isPublic = options.isPublic ?? true;
    Object.defineProperty(this, ENGINE_ERROR, { value: true });
  }
}

/**
 * An engine error, also one made by another copy of the engine's modules: a pack's code loaded
 * as JavaScript may import the engine through a module graph of its own, whose classes are not
 * this module's, and its refusals must still answer as engine errors do (400 with their details).
 */
export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError || (error instanceof Error && (error as unknown as Record<symbol, unknown>)[ENGINE_ERROR] === true);
}
