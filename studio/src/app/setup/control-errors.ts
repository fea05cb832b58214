import type { ErrorDetail } from '../../shared/api/api-error';

/**
 * The server's problems (details[].path, JSON pointers into the body sent) on the form controls
 * that caused them, by the first pattern that matches; those no control owns stay for the form as
 * a whole, prefixed with their path.
 */
export function controlErrors<C extends string>(
  details: readonly ErrorDetail[],
  controls: readonly (readonly [pattern: RegExp, control: C])[],
): { controls: Partial<Record<C, string[]>>; form: string[] } {
  const found: Partial<Record<C, string[]>> = {};
  const form: string[] = [];
  for (const detail of details) {
    const control = controls.find(([pattern]) => pattern.test(detail.path))?.[1];
    if (control) (found[control] ??= []).push(detail.message);
    else form.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
  }
  return { controls: found, form };
}
