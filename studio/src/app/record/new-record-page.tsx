import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../shared/api/api-client';
import type { FormValues } from '../../shared/forms/form-definition';
import { RecordForm } from '../../shared/forms/record-form';
import { useForm } from '../../shared/forms/use-form';
import { fromServer, localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { RecordLike } from '../../shared/metadata/record-value';
import { useObject } from '../../shared/metadata/use-objects';
import { NotFoundPage } from '../not-found-page';
import { initialFromQuery } from './initial-from-query';

/**
 * A new record through the generated form; the server's defaults and errors as for an edit. A
 * related list's "New" names the parent in the address (`?account=<id>`): it fills that lookup.
 */
export function NewRecordPage() {
  const { object: name = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { object, isLoading } = useObject(name);
  const form = useForm(name);
  if (isLoading || form.isLoading) return <Skeleton active />;
  if (!object) return <NotFoundPage />;
  if (form.error || !form.data) return <Alert type="error" showIcon role="alert" title={t('errors.generic', { message: fromServer(form.error?.message ?? '', language) })} />;
  const singular = localize(object.label, language, object.name);

  async function create(values: FormValues) {
    const created = await api<RecordLike>(`/records/${encodeURIComponent(name)}`, { method: 'POST', body: values });
    await queryClient.invalidateQueries({ queryKey: ['records', name] });
    void message.success(t('record.created'));
    await navigate(`/o/${name}/${encodeURIComponent(created._id)}`, { replace: true });
  }

  return (
    <div className="page">
      <Breadcrumb items={[{ title: <Link to={`/o/${name}`}>{localize(object.pluralLabel ?? object.label, language, name)}</Link> }, { title: t('record.newTitle', { object: singular }) }]} style={{ marginBottom: 8 }} />
      <Typography.Title level={2} className="page-title" style={{ marginBottom: 16 }}>
        {t('record.newTitle', { object: singular })}
      </Typography.Title>
      <Card>
        <RecordForm form={form.data} initial={initialFromQuery(object, form.data, search)} submitLabel={t('record.create')} onSave={create} onCancel={() => void navigate(`/o/${name}`)} />
      </Card>
    </div>
  );
}
