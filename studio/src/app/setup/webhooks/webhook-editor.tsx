import { Form, Input, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { CLEARS_SERVER_ERROR } from '../automation/server-error-rule';
import type { EditorSlot } from '../definition-page';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { SetupFormActions } from '../setup-form-actions';
import { useDefinitionEditor } from '../use-definition-editor';
import { UserPickerControl } from '../user-picker-control';
import { SecretOnce } from './secret-once';
import { newWebhookDraft, webhookDefinitionOf, webhookDraftOf, webhookErrors, type WebhookDefinition, type WebhookDraft } from './webhook-definition';
import { WebhookEventsField } from './webhook-events-field';

/** One webhook: its labels, URL, state, run-as user, events and signing secret, saved whole through the metadata API. */
export function WebhookEditor({ definition: webhook, etag, created, onSaved, onDeleted, onCancel }: EditorSlot<WebhookDefinition>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<WebhookDraft>();
  const [nameTyped, setNameTyped] = useState(webhook !== undefined);
  const creating = webhook === undefined;
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'webhooks',
    form,
    errorsOf: webhookErrors,
    existing: webhook?.name,
    etag,
    saved: (definition, isNew) => (isNew ? t('setup.webhooks.created', { name: localize(definition.label, language, definition.name) }) : t('setup.webhooks.saved')),
    deleted: () => t('setup.webhooks.deleted', { name: localize(webhook?.label, language, webhook?.name) }),
    onSaved,
    onDeleted,
  });
  const secret = (created as { definition?: { secret?: string } } | undefined)?.definition?.secret;

  return (
    <>
      {secret && secret !== '••••' && <SecretOnce secret={secret} />}
      <Form<WebhookDraft>
        form={form}
        layout="vertical"
        initialValues={webhook ? webhookDraftOf(webhook) : newWebhookDraft()}
        onFinish={() => void save(webhookDefinitionOf({ ...(form.getFieldsValue(true) as WebhookDraft), name: webhook?.name ?? form.getFieldValue('name') }))}
        onValuesChange={(changed: Partial<WebhookDraft>) => {
          if (changed.name !== undefined) setNameTyped(true);
          if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
        }}
      >
        <div className="setup-form-grid">
          <Form.Item name="labelEn" label={t('setup.webhooks.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.webhooks.labelRequired') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="labelZh" label={t('setup.webhooks.labelZh')} rules={[CLEARS_SERVER_ERROR]}>
            <Input autoComplete="off" lang="zh-CN" />
          </Form.Item>
          <Form.Item name="name" label={t('setup.webhooks.apiName')} rules={[{ required: true, message: t('setup.webhooks.apiNameRequired') }]}>
            <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
          </Form.Item>
          <Form.Item name="url" label={t('setup.webhooks.url')} extra={t('setup.webhooks.urlHelp')} rules={[{ required: true, whitespace: true, message: t('setup.webhooks.urlRequired') }]}>
            <Input autoComplete="url" spellCheck={false} inputMode="url" />
          </Form.Item>
          <Form.Item name="active" label={t('setup.webhooks.active')} extra={t('setup.webhooks.activeHelp')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="runAs" label={t('setup.webhooks.runAs')} extra={t('setup.webhooks.runAsHelp')} rules={[CLEARS_SERVER_ERROR]}>
            <UserPickerControl id="webhook-run-as" label={t('setup.webhooks.runAs')} />
          </Form.Item>
        </div>
        <WebhookEventsField />
        <Form.Item name="secret" label={t('setup.webhooks.secret')} extra={creating ? t('setup.webhooks.secretHelpNew') : t('setup.webhooks.secretHelpExisting')} rules={[CLEARS_SERVER_ERROR]}>
          <Input.Password autoComplete="new-password" spellCheck={false} />
        </Form.Item>
        <Form.Item name="description" label={t('setup.webhooks.description')} rules={[CLEARS_SERVER_ERROR]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <FormErrorsAlert errors={formErrors} />
        <SetupFormActions
          busy={busy}
          submit={creating ? t('setup.webhooks.create') : t('setup.webhooks.save')}
          cancel={t('setup.webhooks.cancel')}
          onCancel={onCancel}
          remove={webhook ? { label: t('setup.webhooks.delete'), confirm: t('setup.webhooks.deleteConfirm', { name: localize(webhook.label, language, webhook.name) }), onConfirm: remove } : undefined}
        />
      </Form>
    </>
  );
}
