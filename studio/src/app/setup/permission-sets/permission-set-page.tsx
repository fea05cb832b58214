import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { isApiError } from '../../../shared/api/api-error';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { FormErrorsAlert } from '../form-errors-alert';
import { SetupFormActions } from '../setup-form-actions';
import { suggestApiName } from '../objects/object-draft';
import { permissionSetsQuery } from '../users/admin-user';
import { FieldRightsTable } from './field-rights-table';
import { ObjectRightsMatrix, type MatrixObject } from './object-rights-matrix';
import { EMPTY_PERMISSION_SET, permissionSetDefinitionOf, permissionSetDraftOf, permissionSetErrors, type PermissionSetDefinition, type PermissionSetDraft } from './permission-set-draft';
import { SystemRightsList } from './system-rights-list';
import { ifMatch, useOpenedEtag } from '../use-opened-etag';
import './permission-sets.css';

type TextDraft = Pick<PermissionSetDraft, 'labelEn' | 'labelZh' | 'name' | 'description'>;

/** /setup/permission-sets/:name (or /new): one set's details, object and field rights, and system rights, saved whole. */
export function PermissionSetPage() {
  const { name } = useParams();
  const { t } = useTranslation();
  const sets = useQuery(permissionSetsQuery);
  if (sets.isPending) return <Spin className="page-spinner" />;
  if (sets.error) return <Alert type="error" showIcon title={t('setup.permissionSets.loadFailed', { message: sets.error.message })} />;
  const existing = name === 'new' ? undefined : sets.data.permissionSets.find((set) => set.name === name);
  if (name !== 'new' && !existing) return <Alert type="error" showIcon title={t('setup.permissionSets.loadFailed', { message: name })} />;
  return <PermissionSetEditor key={existing?.name ?? 'new'} existing={existing} etag={existing && sets.data.etags?.[existing.name]} />;
}

function PermissionSetEditor({ existing, etag }: { existing: PermissionSetDefinition | undefined; etag: string | undefined }) {
  const opened = useOpenedEtag(etag);
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const objects = useObjects();
  const start = existing ? permissionSetDraftOf(existing) : EMPTY_PERMISSION_SET;
  const [form] = Form.useForm<TextDraft>();
  const [rights, setRights] = useState(start.objects);
  const [fields, setFields] = useState(start.fields);
  const [system, setSystem] = useState(start.system);
  const [fieldObject, setFieldObject] = useState<string | undefined>(Object.keys(start.objects)[0]);
  const [nameTyped, setNameTyped] = useState(existing !== undefined);
  const [rowErrors, setRowErrors] = useState<Record<string, string[]>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const creating = existing === undefined;
  const matrixObjects: MatrixObject[] = (objects.data?.objects ?? [])
    .map((object) => ({ name: object.name, label: localize(object.pluralLabel ?? object.label, language, object.name) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const title = existing ? localize(existing.label, language, existing.name) : t('setup.permissionSets.newTitle');

  async function save(texts: TextDraft) {
    const definition = permissionSetDefinitionOf({ ...texts, name: existing?.name ?? texts.name, system, objects: rights, fields });
    setBusy(true);
    setFormErrors([]);
    setRowErrors({});
    try {
      if (creating) await api('/meta/permission-sets', { method: 'POST', body: definition });
      else opened.renew(await api(`/meta/permission-sets/${encodeURIComponent(existing.name)}`, { method: 'PUT', body: definition, headers: ifMatch(opened.etag) }));
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      void message.success(creating ? t('setup.permissionSets.created', { name: localize(definition.label, language, definition.name) }) : t('setup.permissionSets.saved'));
      if (creating) void navigate(`/setup/permission-sets/${definition.name}`, { replace: true });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!existing) return;
    setFormErrors([]);
    try {
      await api(`/meta/permission-sets/${encodeURIComponent(existing.name)}`, { method: 'DELETE', headers: ifMatch(opened.etag) });
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      void message.success(t('setup.permissionSets.deleted', { name: title }));
      void navigate('/setup/permission-sets');
    } catch (error) {
      fail(error);
    }
  }

  /** The server's problems: texts on their inputs, rights on their object's row, the rest above the buttons. */
  function fail(error: unknown) {
    if (!isApiError(error) || error.details.length === 0) {
      setFormErrors([error instanceof Error ? error.message : String(error)]);
      return;
    }
    const { controls, form: rest } = permissionSetErrors(error.details);
    const rows: Record<string, string[]> = {};
    const inputs: { name: keyof TextDraft; errors: string[] }[] = [];
    for (const [control, messages] of Object.entries(controls) as [string, string[]][]) {
      const row = /^(?:objects|fields)\/(.+)$/.exec(control);
      if (row) rows[row[1]!] = [...(rows[row[1]!] ?? []), ...messages];
      else if (control === 'system') rest.push(...messages);
      else inputs.push({ name: control as keyof TextDraft, errors: messages });
    }
    form.setFields(inputs);
    setRowErrors(rows);
    setFormErrors(rest.length > 0 || (inputs.length === 0 && Object.keys(rows).length === 0) ? [error.message, ...rest] : []);
    if (inputs[0]) form.scrollToField(inputs[0].name, { block: 'center', focus: true });
  }

  return (
    <section aria-labelledby="setup-permission-set-title" className="permission-set-page">
      <Link to="/setup/permission-sets" className="setup-back">
        <ArrowLeftOutlined aria-hidden /> {t('setup.permissionSets.back')}
      </Link>
      <h2 id="setup-permission-set-title">{title}</h2>
      <Form<TextDraft>
        form={form}
        layout="vertical"
        initialValues={{ labelEn: start.labelEn, labelZh: start.labelZh, name: start.name, description: start.description }}
        onFinish={(texts) => void save(texts)}
        onValuesChange={(changed: Partial<TextDraft>) => {
          if (changed.name !== undefined) setNameTyped(true);
          if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
        }}
      >
        <fieldset className="setup-fieldset">
          <legend>{t('setup.permissionSets.details')}</legend>
          <div className="setup-form-grid">
            <Form.Item name="labelEn" label={t('setup.permissionSets.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.permissionSets.labelRequired') }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="labelZh" label={t('setup.permissionSets.labelZh')}>
              <Input autoComplete="off" lang="zh-CN" />
            </Form.Item>
            <Form.Item name="name" label={t('setup.permissionSets.apiName')} extra={t('setup.permissionSets.apiNameHelp')} rules={[{ required: true, message: t('setup.permissionSets.apiNameRequired') }]}>
              <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
            </Form.Item>
          </div>
          <Form.Item name="description" label={t('setup.permissionSets.description')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </fieldset>

        <fieldset className="setup-fieldset">
          <legend>{t('setup.permissionSets.objectRights')}</legend>
          <p className="setup-fieldset-help">{t('setup.permissionSets.objectRightsHelp')}</p>
          <ObjectRightsMatrix objects={matrixObjects} rights={rights} onChange={setRights} errors={rowErrors} />
        </fieldset>

        <fieldset className="setup-fieldset">
          <legend>{t('setup.permissionSets.fieldRights')}</legend>
          <p className="setup-fieldset-help">{t('setup.permissionSets.fieldRightsHelp')}</p>
          <FieldRightsTable
            objects={matrixObjects}
            object={fieldObject}
            onObject={setFieldObject}
            objectRights={(fieldObject && rights[fieldObject]) || {}}
            narrowed={(fieldObject && fields[fieldObject]) || {}}
            onChange={(narrowed) => fieldObject && setFields({ ...fields, [fieldObject]: narrowed })}
          />
        </fieldset>

        <fieldset className="setup-fieldset">
          <legend>{t('setup.permissionSets.systemRights')}</legend>
          <SystemRightsList rights={system} onChange={setSystem} />
        </fieldset>

        <FormErrorsAlert errors={formErrors} />
        <SetupFormActions
        busy={busy}
        submit={creating ? t('setup.permissionSets.create') : t('setup.permissionSets.save')}
        cancel={t('setup.permissionSets.cancel')}
        onCancel={() => void navigate('/setup/permission-sets')}
        remove={existing ? { label: t('setup.permissionSets.delete'), confirm: t('setup.permissionSets.deleteConfirm', { name: title }), onConfirm: remove } : undefined}
      />
      </Form>
    </section>
  );
}
