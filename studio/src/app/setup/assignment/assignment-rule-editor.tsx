import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { CLEARS_SERVER_ERROR } from '../automation/server-error-rule';
import '../automation/automation.css';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { SetupFormActions } from '../setup-form-actions';
import { useDefinitionEditor } from '../use-definition-editor';
import { AssignmentEntry } from './assignment-entry';
import { assignmentDefinitionOf, assignmentDraftOf, assignmentErrors, emptyEntry, newAssignmentDraft, type AssignmentRuleDefinition, type AssignmentRuleDraft } from './assignment-rule-draft';

interface AssignmentRuleEditorProps {
  readonly etag?: string;
  readonly rule?: AssignmentRuleDefinition;
  readonly object?: string;
  readonly onSaved: (name: string) => void;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

/**
 * One assignment rule: its object, then its ordered entries (a condition and an assignee each).
 * Saved whole through the metadata API, which compiles the conditions and checks the groups; its
 * problems land on their controls.
 */
export function AssignmentRuleEditor({ rule, object: startObject, etag, onSaved, onDeleted, onCancel }: AssignmentRuleEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const objects = useObjects();
  const [form] = Form.useForm<AssignmentRuleDraft>();
  const [nameTyped, setNameTyped] = useState(rule !== undefined);
  const start = rule ? assignmentDraftOf(rule) : newAssignmentDraft(startObject);
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'assignment-rules',
    form,
    errorsOf: assignmentErrors,
    existing: rule?.name,
    etag,
    saved: (definition, created) => (created ? t('setup.assignment.created', { name: localize(definition.label, language, definition.name) }) : t('setup.assignment.saved')),
    deleted: () => t('setup.assignment.deleted', { name: localize(rule?.label, language, rule?.name) }),
    onSaved,
    onDeleted,
  });
  const creating = rule === undefined;
  const object = (Form.useWatch('object', form) as string | undefined) ?? start.object;
  // A detail of a master-detail follows its master's owner: not offered.
  const objectOptions = (objects.data?.objects ?? [])
    .filter((candidate) => !candidate.fields.some((field) => field.type === 'masterdetail'))
    .map((candidate) => ({ value: candidate.name, label: localize(candidate.pluralLabel ?? candidate.label, language, candidate.name) }));

  return (
    <Form<AssignmentRuleDraft>
      form={form}
      layout="vertical"
      initialValues={start}
      onFinish={() => void save(assignmentDefinitionOf({ ...(form.getFieldsValue(true) as AssignmentRuleDraft), name: rule?.name ?? form.getFieldValue('name') }))}
      onValuesChange={(changed: Partial<AssignmentRuleDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
      }}
    >
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.assignment.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.assignment.labelRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.assignment.labelZh')} rules={[CLEARS_SERVER_ERROR]}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
        <Form.Item name="name" label={t('setup.assignment.apiName')} rules={[{ required: true, message: t('setup.assignment.apiNameRequired') }]}>
          <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
        </Form.Item>
        <Form.Item name="object" label={t('setup.assignment.object')} rules={[{ required: true, message: t('setup.assignment.objectRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={objects.isPending} options={objectOptions} />
        </Form.Item>
        <Form.Item name="order" label={t('setup.assignment.order')} extra={t('setup.assignment.orderHelp')} rules={[CLEARS_SERVER_ERROR]}>
          <InputNumber min={0} max={1000} precision={0} className="setup-number-input" />
        </Form.Item>
      </div>
      <Form.Item name="active" label={t('setup.assignment.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {object ? (
        <fieldset className="setup-fieldset automation-actions">
          <legend id="assignment-entries">{t('setup.assignment.entries')}</legend>
          <p className="setup-fieldset-help">{t('setup.assignment.entriesHelp')}</p>
          <Form.List
            name="entries"
            rules={[{ validator: (_, entries?: unknown[]) => (entries && entries.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('setup.assignment.entriesRequired')))) }]}
          >
            {(fields, { add, remove: removeEntry, move }, { errors }) => (
              <>
                <ol className="automation-action-list" aria-labelledby="assignment-entries">
                  {fields.map((field, index) => (
                    <AssignmentEntry key={field.key} index={index} count={fields.length} object={object} onRemove={() => removeEntry(index)} onMove={(to) => move(index, to)} />
                  ))}
                </ol>
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add(emptyEntry())} disabled={fields.length >= 100}>
                  {t('setup.assignment.addEntry')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
      ) : (
        <p className="setup-fieldset-help">{t('setup.assignment.pickObjectFirst')}</p>
      )}
      <Form.Item name="description" label={t('setup.assignment.description')} rules={[CLEARS_SERVER_ERROR]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <FormErrorsAlert errors={formErrors} />
      <SetupFormActions
        busy={busy}
        submit={creating ? t('setup.assignment.create') : t('setup.assignment.save')}
        cancel={t('setup.assignment.cancel')}
        onCancel={onCancel}
        remove={rule ? { label: t('setup.assignment.delete'), confirm: t('setup.assignment.deleteConfirm', { name: localize(rule.label, language, rule.name) }), onConfirm: remove } : undefined}
      />
    </Form>
  );
}
