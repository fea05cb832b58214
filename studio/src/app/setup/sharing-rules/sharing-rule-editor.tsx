import { Alert, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { filterableFields } from '../../list/filter/filter-operators';
import { modelToFilter, type FilterModel } from '../../list/filter/filter-rows';
import { ConditionsControl } from '../conditions-control';
import { FormErrorsAlert } from '../form-errors-alert';
import { SetupFormActions } from '../setup-form-actions';
import { suggestApiName } from '../objects/object-draft';
import { useDefinitionEditor } from '../use-definition-editor';
import { GranteePicker } from './grantee-picker';
import { EMPTY_SHARING_RULE, sharingRuleDefinitionOf, sharingRuleDraftOf, sharingRuleErrors, type GranteeDraft, type SharingRuleDefinition, type SharingRuleDraft } from './sharing-rule-draft';

interface SharingRuleEditorProps {
  /** Its ETag as read: the editor's changes are sent conditional on it. */
  readonly etag?: string;
  readonly rule?: SharingRuleDefinition;
  readonly onSaved: (name: string) => void;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

/**
 * One sharing rule: which object's records (matching conditions built as in a list's filter, every
 * record, or owned by a role's or group's users), shared with whom, to read or to edit. Saved whole
 * through the metadata API; the server's problems land on the control that caused them.
 */
export function SharingRuleEditor({ rule, onSaved, onDeleted, onCancel, etag }: SharingRuleEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const objects = useObjects();
  const [form] = Form.useForm<SharingRuleDraft>();
  const [nameTyped, setNameTyped] = useState(rule !== undefined);
  const start = rule ? sharingRuleDraftOf(rule) : EMPTY_SHARING_RULE;
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'sharing-rules',
    form,
    errorsOf: sharingRuleErrors,
    existing: rule?.name,
    etag,
    saved: (definition, created) => (created ? t('setup.sharingRules.created', { name: localize(definition.label, language, definition.name) }) : t('setup.sharingRules.saved')),
    deleted: () => t('setup.sharingRules.deleted', { name: localize(rule?.label, language, rule?.name) }),
    onSaved,
    onDeleted,
  });
  const creating = rule === undefined;
  const granteeRequired = { validator: (_: unknown, value?: GranteeDraft) => (value?.name ? Promise.resolve() : Promise.reject(new Error(t('setup.sharingRules.granteeRequired')))) };
  // A rule shares what its conditions match: none would share every record, which must be said as such.
  const conditionRequired = {
    validator: (_: unknown, value?: FilterModel) => (value && modelToFilter(value) ? Promise.resolve() : start.custom ? Promise.resolve() : Promise.reject(new Error(t('setup.sharingRules.conditionRequired')))),
  };
  const object = Form.useWatch('object', form) ?? start.object;
  const scope = Form.useWatch('scope', form) ?? start.scope;
  const criteria = Form.useWatch('criteria', form) ?? start.criteria;
  // Detail objects follow their master: the server refuses rules on them, so they are not offered.
  const offered = (objects.data?.objects ?? []).filter((candidate) => !candidate.fields.some((field) => field.type === 'masterdetail'));
  const fields = filterableFields(offered.find((candidate) => candidate.name === object)?.fields ?? []);

  return (
    <Form<SharingRuleDraft>
      form={form}
      layout="vertical"
      initialValues={start}
      onFinish={(draft) =>
        // Conditions kept as written belong to the rule's object: another object drops them.
        void save(sharingRuleDefinitionOf({ ...start, ...draft, name: rule?.name ?? draft.name, custom: draft.object === start.object ? start.custom : undefined }))
      }
      onValuesChange={(changed: Partial<SharingRuleDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
        // Conditions name the fields of one object: another object starts them again.
        if (changed.object !== undefined) form.setFieldValue('criteria', { join: 'and', rows: [] });
      }}
    >
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.sharingRules.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.sharingRules.labelRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.sharingRules.labelZh')}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t('setup.sharingRules.apiName')} rules={[{ required: true, message: t('setup.sharingRules.apiNameRequired') }]}>
        <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
      </Form.Item>
      <Form.Item name="object" label={t('setup.sharingRules.object')} extra={t('setup.sharingRules.objectHelp')} rules={[{ required: true, message: t('setup.sharingRules.objectRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={objects.isPending}
          options={offered.map((candidate) => ({ value: candidate.name, label: localize(candidate.pluralLabel ?? candidate.label, language, candidate.name) }))}
        />
      </Form.Item>
      <Form.Item name="scope" label={t('setup.sharingRules.which')}>
        <Radio.Group
          options={[
            { value: 'criteria', label: t('setup.sharingRules.scopeCriteria') },
            { value: 'all', label: t('setup.sharingRules.scopeAll') },
            { value: 'owner', label: t('setup.sharingRules.scopeOwner') },
          ]}
        />
      </Form.Item>
      {scope === 'criteria' && start.custom && object === start.object && criteria.rows.length === 0 && (
        <Alert type="warning" showIcon className="setup-form-alert" title={t('setup.sharingRules.customCriteria')} />
      )}
      {scope === 'criteria' &&
        (object ? (
          <Form.Item name="criteria" label={t('setup.sharingRules.scopeCriteria')} rules={[conditionRequired]}>
            <ConditionsControl fields={fields} />
          </Form.Item>
        ) : (
          <p className="setup-fieldset-help">{t('setup.sharingRules.pickObjectFirst')}</p>
        ))}
      {scope === 'owner' && (
        <Form.Item name="ownedBy" label={t('setup.sharingRules.scopeOwner')} rules={[granteeRequired]}>
          <GranteePicker label={t('setup.sharingRules.scopeOwner')} />
        </Form.Item>
      )}
      <Form.Item name="sharedWith" label={t('setup.sharingRules.sharedWith')} rules={[granteeRequired]}>
        <GranteePicker label={t('setup.sharingRules.sharedWith')} />
      </Form.Item>
      <Form.Item name="access" label={t('setup.sharingRules.access')}>
        <Radio.Group
          options={[
            { value: 'read', label: t('setup.sharingRules.read') },
            { value: 'edit', label: t('setup.sharingRules.edit') },
          ]}
        />
      </Form.Item>
      <Form.Item name="description" label={t('setup.sharingRules.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <FormErrorsAlert errors={formErrors} />
      <SetupFormActions
        busy={busy}
        submit={creating ? t('setup.sharingRules.create') : t('setup.sharingRules.save')}
        cancel={t('setup.sharingRules.cancel')}
        onCancel={onCancel}
        remove={rule ? { label: t('setup.sharingRules.delete'), confirm: t('setup.sharingRules.deleteConfirm', { name: localize(rule.label, language, rule.name) }), onConfirm: remove } : undefined}
      />
    </Form>
  );
}
