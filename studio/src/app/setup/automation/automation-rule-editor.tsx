import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { SetupFormActions } from '../setup-form-actions';
import { useDefinitionEditor } from '../use-definition-editor';
import { ActionList } from './action-list';
import { CLEARS_SERVER_ERROR } from './server-error-rule';
import './automation.css';
import { TRIGGERS, type AutomationRuleDefinition } from './automation-rule-definition';
import { automationRuleDefinitionOf, automationRuleDraftOf, automationRuleErrors, emptyAction, newRuleDraft, type AutomationRuleDraft } from './automation-rule-draft';
import { RuleExpression } from './rule-expression';
import { TimingFields } from './timing-fields';
import type { Trigger } from './automation-rule-definition';

interface AutomationRuleEditorProps {
  /** Its ETag as read: the editor's changes are sent conditional on it. */
  readonly etag?: string;
  readonly rule?: AutomationRuleDefinition;
  /** The object a new rule starts on. */
  readonly object?: string;
  readonly onSaved: (name: string) => void;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

/**
 * One automation rule: its object and trigger, the condition (the shared expression control) and
 * its ordered actions, each with the form of its type. Saved whole through the metadata API, which
 * compiles the condition and every action against the object; its problems land on their controls.
 */
export function AutomationRuleEditor({ rule, object: startObject, onSaved, onDeleted, onCancel, etag }: AutomationRuleEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const objects = useObjects();
  const [form] = Form.useForm<AutomationRuleDraft>();
  const [nameTyped, setNameTyped] = useState(rule !== undefined);
  const start = rule ? automationRuleDraftOf(rule) : newRuleDraft(startObject);
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'automation-rules',
    form,
    errorsOf: (details) => automationRuleErrors(details, form.getFieldsValue(true) as AutomationRuleDraft),
    existing: rule?.name,
    etag,
    saved: (definition, created) => (created ? t('setup.automation.created', { name: localize(definition.label, language, definition.name) }) : t('setup.automation.saved')),
    deleted: () => t('setup.automation.deleted', { name: localize(rule?.label, language, rule?.name) }),
    onSaved,
    onDeleted,
  });
  const creating = rule === undefined;
  const object = Form.useWatch('object', form) ?? start.object;
  const on = (Form.useWatch('on', form) as Trigger | undefined) ?? start.on;
  const all = objects.data?.objects ?? [];
  const current = all.find((candidate) => candidate.name === object);
  const objectOptions = all.map((candidate) => ({ value: candidate.name, label: localize(candidate.pluralLabel ?? candidate.label, language, candidate.name) }));

  return (
    <Form<AutomationRuleDraft>
      form={form}
      layout="vertical"
      initialValues={start}
      onFinish={() => void save(automationRuleDefinitionOf({ ...(form.getFieldsValue(true) as AutomationRuleDraft), name: rule?.name ?? form.getFieldValue('name') }))}
      onValuesChange={(changed: Partial<AutomationRuleDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
        // Actions name the fields of one object: another object starts them again.
        if (changed.object !== undefined) {
          form.setFieldValue('actions', [emptyAction('setField')]);
          form.setFieldsValue({ timeField: undefined, scheduleFilter: { join: 'and', rows: [] } });
        }
      }}
    >
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.automation.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.automation.labelRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.automation.labelZh')} rules={[CLEARS_SERVER_ERROR]}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
        <Form.Item name="name" label={t('setup.automation.apiName')} rules={[{ required: true, message: t('setup.automation.apiNameRequired') }]}>
          <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
        </Form.Item>
        <Form.Item name="object" label={t('setup.automation.object')} rules={[{ required: true, message: t('setup.automation.objectRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={objects.isPending} options={objectOptions} />
        </Form.Item>
        <Form.Item name="on" label={t('setup.automation.trigger')} extra={on === 'update' || on === 'createOrUpdate' ? t('setup.automation.triggerHelp') : undefined} rules={[CLEARS_SERVER_ERROR]}>
          <Select options={TRIGGERS.map((trigger) => ({ value: trigger, label: t(`setup.automation.triggers.${trigger}`) }))} />
        </Form.Item>
        <Form.Item name="order" label={t('setup.automation.order')} extra={t('setup.automation.orderHelp')} rules={[CLEARS_SERVER_ERROR]}>
          <InputNumber min={0} max={1000} precision={0} className="setup-number-input" />
        </Form.Item>
      </div>
      <Form.Item name="active" label={t('setup.automation.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {object ? (
        <>
          <TimingFields on={on} object={current} />
          <Form.Item name="condition" label={t('setup.automation.condition')} extra={t('setup.automation.conditionHelp')} rules={[CLEARS_SERVER_ERROR]}>
            <RuleExpression object={object} purpose="condition" />
          </Form.Item>
          <fieldset className="setup-fieldset automation-actions">
            <legend>{t('setup.automation.actions')}</legend>
            <p className="setup-fieldset-help">{t('setup.automation.actionsHelp')}</p>
            <ActionList name="actions" object={current} objects={all} required />
          </fieldset>
        </>
      ) : (
        <p className="setup-fieldset-help">{t('setup.automation.pickObjectFirst')}</p>
      )}
      <Form.Item name="description" label={t('setup.automation.description')} rules={[CLEARS_SERVER_ERROR]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <FormErrorsAlert errors={formErrors} />
      <SetupFormActions
        busy={busy}
        submit={creating ? t('setup.automation.create') : t('setup.automation.save')}
        cancel={t('setup.automation.cancel')}
        onCancel={onCancel}
        remove={rule ? { label: t('setup.automation.delete'), confirm: t('setup.automation.deleteConfirm', { name: localize(rule.label, language, rule.name) }), onConfirm: remove } : undefined}
      />
    </Form>
  );
}
