import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { adminObjectQuery } from '../objects/admin-object';
import { completionCandidates, completionFieldOf, parentObjectsToLoad, type CompletionCandidate, type CompletionField } from './expression-completions';

/**
 * What an expression of `object` may read, for completion: the object's definition first, then
 * its lookups' targets as they turn up (two levels up), each from the cached metadata queries.
 */
export function useCompletionCandidates(object: string): readonly CompletionCandidate[] {
  const language = useLanguage();
  const [wanted, setWanted] = useState<readonly string[]>([object]);
  // No object yet (a process whose object is still to be picked): nothing to ask for, nothing to complete.
  const results = useQueries({ queries: wanted.map((name) => ({ ...adminObjectQuery(name), staleTime: 60_000, enabled: name !== '' })) });

  const loaded = new Map<string, readonly CompletionField[]>();
  results.forEach((result, index) => {
    const fields = result.data?.definition?.fields;
    if (fields) loaded.set(wanted[index]!, fields.map((field) => completionFieldOf(field, localize(field.label, language, field.name))));
  });
  const key = [...loaded.keys()].join(',');
  const missing = parentObjectsToLoad(object, (name) => loaded.get(name)).filter((name) => !wanted.includes(name));

  useEffect(() => {
    setWanted((current) => (current[0] === object ? current : [object]));
  }, [object]);
  useEffect(() => {
    if (missing.length > 0) setWanted((current) => [...current, ...missing.filter((name) => !current.includes(name))]);
  }, [missing.join(',')]);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names what is loaded
  return useMemo(() => completionCandidates(object, (name) => loaded.get(name)), [object, key, language]);
}
