import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps } from './action-editor';
import { CLEARS_SERVER_ERROR } from './server-error-rule';

/** Call a webhook: POST to an address, with the event (or a body template over the record's fields). */
export function WebhookAction({ index, position }: ActionFormProps) {
  const { t } = useTranslation();
  const label = (part: string) => `${t('setup.automation.actionTitle', { position })}: ${part}`;
  return (
    <>
      <Form.Item name={[index, 'url']} label={t('setup.automation.url')} rules={[{ required: true, pattern: /^https?:\/\/\S+$/, message: t('setup.automation.urlRequired') }]}>
        <Input type="url" autoComplete="off" spellCheck={false} inputMode="url" aria-label={label(t('setup.automation.url'))} />
      </Form.Item>
      <Form.Item name={[index, 'body']} label={t('setup.automation.webhookBody')} extra={t('setup.automation.webhookBodyHelp')} rules={[CLEARS_SERVER_ERROR]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} spellCheck={false} className="setup-api-name-input" aria-label={label(t('setup.automation.webhookBody'))} />
      </Form.Item>
    </>
  );
}
