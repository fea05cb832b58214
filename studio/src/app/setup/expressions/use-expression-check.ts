import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api/api-client';
import { expressionCheckOf, expressionTestBody, type ExpressionCheck } from './expression-check';

/** How long the typing must pause before the expression is checked on the server. */
const DEBOUNCE_MS = 400;

/**
 * The expression checked live by the engine (POST /meta/expressions/test), debounced: its parse
 * errors with their position always, its value (or evaluation error) on the record picked.
 * `source` is the text the check is about, so an underline is never placed on newer text.
 */
export function useExpressionCheck(object: string, expression: string, recordId: string | undefined): { source: string; check: ExpressionCheck; checking: boolean } {
  const [source, setSource] = useState(expression);
  useEffect(() => {
    const timer = setTimeout(() => setSource(expression), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [expression]);

  const test = useQuery({
    queryKey: ['expression-test', object, source, recordId ?? ''],
    enabled: source.trim() !== '',
    retry: false,
    staleTime: 10_000,
    queryFn: () =>
      api<{ result: unknown }>('/meta/expressions/test', { method: 'POST', body: expressionTestBody(object, source, recordId) }).then(
        (answer) => ({ value: answer.result }),
        (error: unknown) => ({ error }),
      ),
  });
  const check: ExpressionCheck = source.trim() === '' || !test.data ? { state: 'idle' } : expressionCheckOf(test.data, recordId !== undefined);
  return { source, check, checking: test.isFetching || source !== expression };
}
