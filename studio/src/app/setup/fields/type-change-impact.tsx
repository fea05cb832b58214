import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import type { FieldDefinition } from './field-draft';

/** POST …/fields/:field/impact: how the stored values of a field fare under a proposed definition. */
interface TypeChangeImpact {
  readonly records: number;
  readonly convertible: number;
  readonly failing: number;
  readonly sample: readonly { readonly _id: string; readonly name?: string | null; readonly value?: unknown; readonly message: string }[];
}

/**
 * Before a saved field's type changes: how many stored values convert, and which records would
 * not (a sample), as the server's own conversion answers; the change itself is refused while any
 * would not.
 */
export function TypeChangeImpactNotice({ object, field, proposed }: { object: string; field: string; proposed: FieldDefinition }) {
  const { t } = useTranslation();
  const impact = useQuery({
    queryKey: ['impact', object, field, proposed.type],
    queryFn: () => api<TypeChangeImpact>(`/meta/objects/${encodeURIComponent(object)}/fields/${encodeURIComponent(field)}/impact`, { method: 'POST', body: proposed }),
    staleTime: 0,
    retry: false,
  });
  if (impact.isPending) return <Alert type="info" showIcon className="setup-form-alert" title={t('setup.fieldEditor.impactChecking')} />;
  if (impact.error) return <Alert type="warning" showIcon className="setup-form-alert" title={t('setup.fieldEditor.typeChange')} description={impact.error.message} />;
  const { records, failing, sample } = impact.data;
  if (failing === 0) return <Alert type="success" showIcon className="setup-form-alert" title={t('setup.fieldEditor.impactAll', { count: records })} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="setup-form-alert"
      title={t('setup.fieldEditor.impactFailing', { failing, count: records })}
      description={
        <ul className="field-readers">
          {sample.map((record) => (
            <li key={record._id}>
              <strong>{record.name ?? record._id}</strong>: {record.value === undefined ? '' : `${JSON.stringify(record.value)} — `}
              {record.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
