import { Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { AudienceFields } from '../audience-fields';
import { FormErrorsAlert } from '../form-errors-alert';
import { IconPicker } from '../objects/icon-picker';
import { suggestApiName } from '../objects/object-draft';
import { SetupFormActions } from '../setup-form-actions';
import { requiredList } from '../required-list';
import { useDefinitionEditor } from '../use-definition-editor';
import { appDefinitionOf, appDraftOf, appErrors, EMPTY_APP, type AppDefinition, type AppDraft } from './app-draft';
import { AppTabsControl } from './app-tabs-control';

interface AppEditorProps {
  /** Its ETag as read: the editor's changes are sent conditional on it. */
  readonly etag?: string;
  readonly app?: AppDefinition;
  readonly onSaved: (name: string) => void;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

/**
 * One app: its label, icon, place in the app switcher, tabs in order and the permission sets whose
 * users see it. Saved whole through the metadata API; the server's problems land on the control
 * that caused them.
 */
export function AppEditor({ app, onSaved, onDeleted, onCancel, etag }: AppEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const objects = useObjects();
  const [form] = Form.useForm<AppDraft>();
  const [nameTyped, setNameTyped] = useState(app !== undefined);
  const start = app ? appDraftOf(app) : EMPTY_APP;
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'apps',
    form,
    errorsOf: appErrors,
    existing: app?.name,
    etag,
    saved: (definition, created) => (created ? t('setup.apps.created', { name: localize(definition.label, language, definition.name) }) : t('setup.apps.saved')),
    deleted: () => t('setup.apps.deleted', { name: localize(app?.label, language, app?.name) }),
    onSaved,
    onDeleted,
  });
  const creating = app === undefined;
  const audience = Form.useWatch('audience', form) ?? start.audience;

  return (
    <Form<AppDraft>
      form={form}
      layout="vertical"
      initialValues={start}
      onFinish={(draft) => void save(appDefinitionOf({ ...start, ...draft, name: app?.name ?? draft.name }))}
      onValuesChange={(changed: Partial<AppDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
      }}
    >
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.apps.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.apps.labelRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.apps.labelZh')}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t('setup.apps.apiName')} rules={[{ required: true, message: t('setup.apps.apiNameRequired') }]}>
        <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
      </Form.Item>
      <div className="setup-form-grid">
        <Form.Item name="icon" label={t('setup.apps.icon')}>
          <IconPicker />
        </Form.Item>
        <Form.Item name="order" label={t('setup.apps.order')} extra={t('setup.apps.orderHelp')}>
          <InputNumber min={0} max={10000} precision={0} className="setup-number-input" />
        </Form.Item>
      </div>
      <Form.Item
        name="tabs"
        label={t('setup.apps.tabs')}
        extra={t('setup.apps.tabsHelp')}
        rules={[requiredList(t('setup.apps.tabsRequired'))]}
      >
        <AppTabsControl objects={objects.data?.objects ?? []} />
      </Form.Item>
      <AudienceFields
        audience={audience}
        texts={{ label: t('setup.apps.audience'), everyone: t('setup.apps.everyone'), some: t('setup.apps.somePermissionSets'), permissionSets: t('setup.apps.permissionSets'), required: t('setup.apps.permissionSetsRequired') }}
      />
      <Form.Item name="description" label={t('setup.apps.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <FormErrorsAlert errors={formErrors} />
      <SetupFormActions
        busy={busy}
        submit={creating ? t('setup.apps.create') : t('setup.apps.save')}
        cancel={t('setup.apps.cancel')}
        onCancel={onCancel}
        remove={app ? { label: t('setup.apps.delete'), confirm: t('setup.apps.deleteConfirm', { name: localize(app.label, language, app.name) }), onConfirm: remove } : undefined}
      />
    </Form>
  );
}
