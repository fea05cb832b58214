import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import type { FilterJson } from './filter/filter-rows';
import { recordsPageKey, type ListAnswer } from './list-query';
import { slowListVerdict, type ListPlan } from './slow-list';

/**
 * For administrators: when a list took long, or holds many records, and the store reads every
 * record to answer it, the server's plan says why and which field to index; one click marks the
 * field `indexed` (the index is built in the background, the list uses it once built).
 */
export function SlowListHint({ object, viewKey, filter, sort, size }: { object: ObjectDefinition; viewKey: string; filter: FilterJson | undefined; sort: string; size: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const first = useQuery<ListAnswer>({ queryKey: recordsPageKey(object.name, viewKey, undefined), queryFn: skipToken });
  const suspect = first.data !== undefined && slowListVerdict.worthAsking(first.data);
  const plan = useQuery({
    queryKey: ['list-plan', object.name, viewKey],
    queryFn: () => api<ListPlan>(`/records/${object.name}/plan`, { query: { sort: sort || undefined, limit: size, filter: filter ? JSON.stringify(filter) : undefined } }),
    enabled: suspect,
    retry: false,
  });
  const field = plan.data ? slowListVerdict.fieldToIndex(plan.data, object, sort) : undefined;
  const index = useMutation({
    mutationFn: (name: string) => api(`/meta/objects/${object.name}/fields/${name}`, { method: 'PATCH', body: { indexed: true } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['list-plan', object.name] }),
  });
  if (!suspect || !plan.data || plan.data.advice.length === 0) return null;
  const fieldLabel = field ? localize(field.label, language, field.name) : undefined;
  return (
    <Alert
      className="slow-list-hint"
      type="warning"
      showIcon
      role="status"
      title={t('list.slowHint.title')}
      description={
        <>
          {plan.data.advice.map((line) => (
            <div key={line}>{line}</div>
          ))}
          {index.error && <div role="alert">{index.error.message}</div>}
        </>
      }
      action={
        field && fieldLabel ? (
          <Button size="small" loading={index.isPending} onClick={() => index.mutate(field.name)}>
            {t('list.slowHint.index', { field: fieldLabel })}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 12 }}
    />
  );
}
