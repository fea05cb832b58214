import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps } from './action-editor';
import { CLEARS_SERVER_ERROR } from './server-error-rule';

/** Whether the text is a JSON object with a `create` list: the shape of a conversion. */
function isConversion(text: string): boolean {
  try {
    const value = JSON.parse(text) as { create?: unknown } | null;
    return value !== null && typeof value === 'object' && Array.isArray(value.create);
  } catch {
    return false;
  }
}

/**
 * Convert the record into several (a lead into an account, a contact and an opportunity): the
 * conversion as JSON, checked by the server against the objects when the rule is saved, each
 * problem said here with its path.
 */
export function ConvertActionForm({ index, position }: ActionFormProps) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={[index, 'conversion']}
      label={t('setup.automation.conversion')}
      extra={t('setup.automation.conversionHelp')}
      rules={[CLEARS_SERVER_ERROR, { validator: async (_rule, value: string | undefined) => (isConversion(value ?? '') ? undefined : Promise.reject(new Error(t('setup.automation.conversionJson')))) }]}
    >
      <Input.TextArea
        autoSize={{ minRows: 6, maxRows: 24 }}
        spellCheck={false}
        className="setup-api-name-input"
        aria-label={`${t('setup.automation.actionTitle', { position })}: ${t('setup.automation.conversion')}`}
      />
    </Form.Item>
  );
}
