import type { ErrorSchema } from '@rjsf/utils';
import type { ErrorDetail } from '../api/api-error';
import type { FormValues } from './form-definition';

export interface MappedErrors {
  /** rjsf's errors by field, passed as `extraErrors`: each shows under its own input. */
  readonly fields: ErrorSchema<FormValues>;
  /** What names no field of the form (a rule about several fields, a field the form lacks). */
  readonly general: readonly string[];
}

/**
 * The server's 400/422 `details` (`{ path: "/amount", message }`, JSON pointers) as rjsf errors on
 * the fields they name. A detail whose path names no field in the form stays a general message.
 */
export function errorSchemaOf(details: readonly ErrorDetail[], fieldNames: readonly string[], translate: (text: string) => string = (text) => text): MappedErrors {
  const fields: Record<string, { __errors: string[] }> = {};
  const general: string[] = [];
  for (const detail of details) {
    const [first] = pointerSegments(detail.path);
    const message = translate(detail.message);
    if (first !== undefined && fieldNames.includes(first)) (fields[first] ??= { __errors: [] }).__errors.push(message);
    else general.push(first === undefined ? message : `${first}: ${message}`);
  }
  return { fields: fields as ErrorSchema<FormValues>, general };
}

/** `/a~1b/0` → ['a/b', '0'] (RFC 6901). */
function pointerSegments(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
