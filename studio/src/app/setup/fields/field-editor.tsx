import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { isApiError } from '../../../shared/api/api-error';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { FormErrorsAlert } from '../form-errors-alert';
import { SetupFormActions } from '../setup-form-actions';
import { suggestApiName } from '../objects/object-draft';
import { useServerErrors } from '../use-server-errors';
import { fieldReaders, type FieldReader } from './field-readers';
import { canBeEncrypted, canBeExternalId, fieldDefinitionOf, fieldDraftOf, fieldErrors, NEW_FIELD, type FieldDefinition, type FieldDraft } from './field-draft';
import type { AppliedDefault } from './applied-default';
import { FieldDefaultEditor } from './field-default-editor';
import { FieldTypeProperties } from './field-type-properties';
import { FIELD_TYPES, isComputed, type FieldType } from './field-types';
import { ifMatch, useOpenedEtag } from '../use-opened-etag';
import { TypeChangeImpactNotice } from './type-change-impact';
import { FieldEncryptionFlags } from './field-encryption-flags';

/** The kinds of readers the refusal names with their own words. */
const READER_KINDS = new Set(['fields', 'validationRules', 'listViews', 'layouts', 'approvalProcesses', 'automationRules', 'sharingRules']);

interface FieldEditorProps {
  readonly object: string;
  /** The object's definition as it stands (the refusal of a deletion counts its fields and rules). */
  readonly definition: Parameters<typeof fieldReaders>[1];
  readonly field?: FieldDefinition;
  /** The field's ETag as read: its change and its delete are sent conditional on it. */
  readonly etag?: string;
  readonly onDone: () => void;
}

/**
 * One field of an object: its labels, API name (suggested from the English label, fixed once
 * saved), type and the type's own properties, help texts and flags. Saved whole through the
 * metadata API; the server's problems land on their controls. Deleting asks first, and the server
 * refuses while formulas, rules, layouts, list views or processes read the field (its message
 * names them).
 */
export function FieldEditor({ object, definition: objectDefinition, field, etag, onDone }: FieldEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const objects = useObjects();
  const [form] = Form.useForm<FieldDraft>();
  const { formErrors, clear, fail } = useServerErrors(form, fieldErrors);
  const [busy, setBusy] = useState(false);
  const [readers, setReaders] = useState<FieldReader[]>([]);
  const [applying, setApplying] = useState(false);
  const savedDefault = field !== undefined && (field.default !== undefined || field.defaultExpression !== undefined);
  const [nameTyped, setNameTyped] = useState(field !== undefined);
  const creating = field === undefined;
  const start = field ? fieldDraftOf(field) : NEW_FIELD;
  const type = (Form.useWatch('type', form) ?? start.type) as FieldType;
  const path = `/meta/objects/${encodeURIComponent(object)}/fields`;
  const opened = useOpenedEtag(etag);
  const name = localize(field?.label, language, field?.name ?? '');

  async function save(draft: FieldDraft) {
    const definition = fieldDefinitionOf({ ...start, ...draft, name: field?.name ?? draft.name }, field);
    setBusy(true);
    clear();
    try {
      if (creating) await api(path, { method: 'POST', body: definition });
      else opened.renew(await api(`${path}/${encodeURIComponent(field.name)}`, { method: 'PUT', body: definition, headers: ifMatch(opened.etag) }));
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      void message.success(creating ? t('setup.fieldEditor.created', { name: localize(definition.label, language, definition.name) }) : t('setup.fieldEditor.saved'));
      onDone();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  /** The saved default (not what the form holds now), given to the records without a value. */
  function applyToExisting() {
    if (!field) return;
    modal.confirm({
      title: t('setup.fieldDefault.applyConfirm', { field: name }),
      okText: t('setup.fieldDefault.apply'),
      cancelText: t('setup.fieldEditor.cancel'),
      onOk: async () => {
        clear();
        setApplying(true);
        try {
          const applied = await api<AppliedDefault>(`${path}/${encodeURIComponent(field.name)}/apply-default`, { method: 'POST' });
          if (applied.backfill) void message.info(t('setup.fieldDefault.applying', { count: applied.records }));
          else void message.success(applied.filled === 0 ? t('setup.fieldDefault.appliedNone') : t('setup.fieldDefault.applied', { count: applied.filled }));
          await queryClient.invalidateQueries({ queryKey: ['records'] });
        } catch (error) {
          fail(error);
        } finally {
          setApplying(false);
        }
      },
    });
  }

  async function remove() {
    if (!field) return;
    clear();
    setReaders([]);
    try {
      await api(`${path}/${encodeURIComponent(field.name)}`, { method: 'DELETE', headers: ifMatch(opened.etag) });
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      void message.success(t('setup.fieldEditor.deleted', { name }));
      onDone();
    } catch (error) {
      // A refusal names what reads the field (formulas, rules, layouts, views, processes): listed by name.
      if (isApiError(error) && error.details.length > 0 && (error.code === 'validation_failed' || error.code === 'metadata_in_use')) setReaders(fieldReaders(error.details, objectDefinition, field.name));
      else fail(error);
    }
  }

  return (
    <Form<FieldDraft>
      // Its ids (field_labelEn …) must not repeat the object form's, under which it opens.
      name="field"
      form={form}
      layout="vertical"
      initialValues={start}
      onFinish={(draft) => void save(draft)}
      onValuesChange={(changed: Partial<FieldDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
      }}
    >
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.fieldEditor.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.fieldEditor.labelRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.fieldEditor.labelZh')}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
        <Form.Item name="name" label={t('setup.fieldEditor.apiName')} extra={t('setup.fieldEditor.apiNameHelp')}>
          <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
        </Form.Item>
        <Form.Item name="type" label={t('setup.fieldEditor.type')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={FIELD_TYPES.map((candidate) => ({ value: candidate, label: t(`setup.fields.types.${candidate}`) }))} />
        </Form.Item>
      </div>
      {!creating && type !== start.type && <TypeChangeImpactNotice object={object} field={field.name} proposed={fieldDefinitionOf({ ...start, ...form.getFieldsValue(), type, name: field.name }, field)} />}
      <FieldTypeProperties type={type} object={object} objects={objects.data?.objects ?? []} savedValues={creating ? [] : start.values.map((value) => value.value)} />
      <FieldDefaultEditor type={type} object={object} onApplyToExisting={savedDefault && type === start.type ? applyToExisting : undefined} applying={applying} />
      <div className="setup-form-grid">
        <Form.Item name="helpEn" label={t('setup.fieldEditor.helpEn')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="helpZh" label={t('setup.fieldEditor.helpZh')}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
      </div>
      <div className="field-flags">
        {!isComputed(type) && (
          <>
            <Form.Item name="required" valuePropName="checked" noStyle>
              <Checkbox>{t('setup.fieldEditor.required')}</Checkbox>
            </Form.Item>
            <Form.Item name="unique" valuePropName="checked" noStyle>
              <Checkbox>{t('setup.fieldEditor.unique')}</Checkbox>
            </Form.Item>
          </>
        )}
        {canBeExternalId(type) && (
          <Form.Item name="externalId" valuePropName="checked" noStyle>
            <Checkbox title={t('setup.fieldEditor.externalIdHelp')}>{t('setup.fieldEditor.externalId')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="indexed" valuePropName="checked" noStyle>
          <Checkbox title={t('setup.fieldEditor.indexedHelp')}>{t('setup.fieldEditor.indexed')}</Checkbox>
        </Form.Item>
        <Form.Item name="trackHistory" valuePropName="checked" noStyle>
          <Checkbox>{t('setup.fieldEditor.trackHistory')}</Checkbox>
        </Form.Item>
      </div>
      {canBeEncrypted(type) && <FieldEncryptionFlags />}
      <FormErrorsAlert errors={formErrors} />
      {readers.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="setup-form-alert"
          title={t('setup.fieldEditor.inUse')}
          description={
            <>
              <ul className="field-readers">
                {readers.map((reader) => (
                  <li key={`${reader.kind}:${reader.name}`}>
                    <strong>{t(`setup.fieldEditor.readers.${READER_KINDS.has(reader.kind) ? reader.kind : 'other'}`, { name: localize(reader.label, language, reader.name) })}</strong>: {reader.message}
                  </li>
                ))}
              </ul>
              <p>{t('setup.fieldEditor.inUseHint')}</p>
            </>
          }
        />
      )}
      <SetupFormActions
        busy={busy}
        submit={creating ? t('setup.fieldEditor.create') : t('setup.fieldEditor.save')}
        cancel={t('setup.fieldEditor.cancel')}
        onCancel={onDone}
        remove={field ? { label: t('setup.fieldEditor.delete'), confirm: t('setup.fieldEditor.deleteConfirm', { name }), onConfirm: remove } : undefined}
      />
    </Form>
  );
}
