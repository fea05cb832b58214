import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import { useSession } from '../../shared/api/session';
import { formSections, type FormValues } from '../../shared/forms/form-definition';
import { RecordForm } from '../../shared/forms/record-form';
import { useForm } from '../../shared/forms/use-form';
import { fromServer, localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import { RecordValue, recordTitle, type RecordLike } from '../../shared/metadata/record-value';
import { useObject, type ObjectRights } from '../../shared/metadata/use-objects';
import { NotFoundPage } from '../not-found-page';
import { ApprovalPanel } from './approval-panel';
import { AttachmentsPanel } from './attachments-panel';
import { noteRecent, RECENT_KEY } from '../home/recent-records-api';
import { changedValues } from './changed-values';
import { DeleteRecordButton } from './delete-record-button';
import { PrintButton } from './print-button';
import { RecordButtons } from './record-buttons';
import { FieldHistory } from './field-history';
import { OwnerPanel } from './owner-panel';
import { RecordLockBadge } from './record-lock-badge';
import { recordQuery } from './record-queries';
import { RelatedLists } from './related-lists';
import { useRecordPermissions } from './use-record-permissions';

// The list's notice, loaded on its own: most records are never being recalculated.
const BackfillNotice = lazy(() => import('../list/backfill-notice').then((module) => ({ default: module.BackfillNotice })));
// "Why can … see this?", for those who may ask about any user only: nobody else loads its code.
const AccessPanel = lazy(() => import('../setup/explain-access/access-panel').then((module) => ({ default: module.AccessPanel })));

/**
 * One record: the layout's sections in view mode (or the generated form to edit it), its related
 * lists, and beside them the panels about the record (owner and sharing, field history). Each
 * panel is its own component that loads its own data.
 */
export function RecordPage() {
  const { object: name = '', id = '' } = useParams();
  const { object, objects, rights, isLoading } = useObject(name);
  if (isLoading) return <Skeleton active />;
  if (!object) return <NotFoundPage />;
  return <RecordView key={`${name}/${id}`} object={object} objects={objects} rights={rights} id={id} />;
}

/** Edit and Delete where the user's object rights allow them; where only this record's sharing refuses, disabled with the server's reason. */
function RecordView({ object, objects, rights, id }: { object: ObjectDefinition; objects: readonly ObjectDefinition[]; rights: ObjectRights; id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  // The record as it was when editing began: the user's changes are what differs from it, so a
  // reload after someone else's save keeps their change and sends only the user's own.
  const [base, setBase] = useState<RecordLike>();
  const [conflict, setConflict] = useState(false);
  const form = useForm(object.name);
  const key = ['record', object.name, id];
  const record = useQuery(recordQuery(object.name, id, async () => ({ object, objects })));
  const label = localize(object.pluralLabel ?? object.label, language, object.name);
  const permissions = useRecordPermissions(object.name, id);
  const session = useSession().data?.rights;
  const explains = session?.manageUsers === true || session?.viewAllData === true;
  const opened = record.data !== undefined;
  // The home page lists what the user opened last, kept on the server: a convenience, so a
  // failure to note it (the session ending meanwhile) is not the page's concern.
  useEffect(() => {
    if (opened) void noteRecent(object.name, id).then(() => queryClient.invalidateQueries({ queryKey: RECENT_KEY }), () => undefined);
  }, [opened, object.name, id, queryClient]);

  if (record.isLoading || form.isLoading) return <Skeleton active />;
  if (isApiError(record.error, 404) || isApiError(record.error, 403)) return <Alert type="warning" showIcon title={t('record.notFound')} />;
  if (record.error || form.error || !record.data || !form.data) {
    return <Alert type="error" showIcon role="alert" title={t('errors.generic', { message: fromServer((record.error ?? form.error)?.message ?? '', language) })} />;
  }
  const current = record.data;
  const definition = form.data;
  const title = recordTitle(object, current);

  async function save(values: FormValues) {
    try {
      await api<RecordLike>(`/records/${object.name}/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: changedValues(base ?? current, values),
        headers: { 'If-Match': `"${current._version ?? ''}"` },
      });
    } catch (error) {
      if (isApiError(error, 412)) setConflict(true);
      throw error;
    }
    await queryClient.invalidateQueries({ queryKey: key });
    await queryClient.invalidateQueries({ queryKey: ['records', object.name] });
    setEditing(false);
    setConflict(false);
    void message.success(t('record.saved'));
  }

  const fieldsByName = new Map(object.fields.map((field) => [field.name, field]));
  return (
    <div className="page">
      <Breadcrumb items={[{ title: <Link to={`/o/${object.name}`}>{label}</Link> }, { title }]} style={{ marginBottom: 8 }} />
      <div className="page-header">
        <Typography.Title level={2} className="page-title">
          {title}
        </Typography.Title>
        {!editing && (
          <div className="page-actions">
            <PrintButton object={object.name} recordId={id} title={title} />
            <RecordButtons object={object} record={current} />
            {rights.edit && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                disabled={permissions.data?.edit.allowed === false}
                title={permissions.data?.edit.allowed === false ? fromServer(permissions.data.edit.reason ?? '', language) : undefined}
                onClick={() => {
                  setBase(current);
                  setEditing(true);
                }}
              >
                {t('record.edit')}
              </Button>
            )}
            {rights.delete && <DeleteRecordButton object={object} record={current} title={title} permission={permissions.data?.delete} />}
          </div>
        )}
      </div>
      <RecordLockBadge object={object.name} id={id} />
      <Suspense fallback={null}>
        <BackfillNotice object={object} />
      </Suspense>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('record.conflict')}
          action={<Button size="small" onClick={() => void record.refetch().then(() => setConflict(false))}>{t('record.reload')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      {editing ? (
        <Card>
          <RecordForm form={definition} initial={formValuesOf(current, definition.schema.properties)} submitLabel={t('record.save')} onSave={save} onCancel={() => setEditing(false)} />
        </Card>
      ) : (
        <div className="record-body">
          <div className="record-main">
            <div className="record-sections">
              {formSections(definition).map((section, index) => (
                <Card key={index} title={section.title ?? (index === 0 ? t('record.details') : undefined)} size="small">
                  <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: section.columns === 2 ? 3 : 2 }} layout="vertical" size="small" colon={false}>
                    {section.fields.map((name) => {
                      const field = fieldsByName.get(name);
                      if (!field) return null;
                      return (
                        <Descriptions.Item key={name} label={localize(field.label, language, name)}>
                          <RecordValue field={field} record={current} objects={objects} />
                        </Descriptions.Item>
                      );
                    })}
                  </Descriptions>
                </Card>
              ))}
            </div>
            <RelatedLists parent={object} id={id} lists={definition.relatedLists ?? []} objects={objects} />
          </div>
          <aside className="record-side" aria-label={t('record.about')}>
            <ApprovalPanel object={object.name} id={id} title={title} />
            <OwnerPanel object={object} record={current} permissions={permissions.data} />
            <FieldHistory object={object} id={id} />
            {explains && (
              <Suspense fallback={null}>
                <AccessPanel object={object.name} id={id} />
              </Suspense>
            )}
          </aside>
        </div>
      )}
      <AttachmentsPanel object={object.name} id={id} />
    </div>
  );
}

/** The record's values of the form's fields only (no system fields, no expansions). */
function formValuesOf(record: RecordLike, properties: Readonly<Record<string, unknown>> | undefined): FormValues {
  return Object.fromEntries(Object.keys(properties ?? {}).filter((name) => record[name] !== undefined && record[name] !== null).map((name) => [name, record[name]]));
}
