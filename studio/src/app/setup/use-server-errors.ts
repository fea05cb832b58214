import type { FormInstance } from 'antd';
import { useState } from 'react';
import { isApiError, type ErrorDetail } from '../../shared/api/api-error';

type ControlErrors<C extends string> = { controls: Partial<Record<C, string[]>>; form: string[] };

/**
 * A setup form's server errors: `fail` puts each problem the server names on its control (and
 * focuses the first), the rest with the server's message above the buttons (`formErrors`); a
 * refusal without details (403, 409) is shown whole.
 */
export function useServerErrors<C extends string>(form: FormInstance, errorsOf: (details: readonly ErrorDetail[]) => ControlErrors<C>) {
  const [formErrors, setFormErrors] = useState<string[]>([]);
  function fail(error: unknown) {
    if (!isApiError(error) || error.details.length === 0) {
      setFormErrors([error instanceof Error ? error.message : String(error)]);
      return;
    }
    const { controls, form: rest } = errorsOf(error.details);
    const named = Object.entries(controls) as [C, string[]][];
    form.setFields(named.map(([control, errors]) => ({ name: namePath(control), errors })));
    setFormErrors(rest.length > 0 || named.length === 0 ? [error.message, ...rest] : []);
    if (named[0]) form.scrollToField(namePath(named[0][0]), { block: 'center', focus: true });
  }
  return { formErrors, clear: () => setFormErrors([]), fail };
}

/** A control inside a list of the form is named by a dotted path (`actions.2.subject`): antd wants its parts, indexes as numbers. */
export function namePath(control: string): string | (string | number)[] {
  return control.includes('.') ? control.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : control;
}
