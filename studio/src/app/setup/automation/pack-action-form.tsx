import { Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { ActionFormProps } from './action-editor';
import { packActionsQuery, type PackActionView } from './pack-actions-query';
import { CLEARS_SERVER_ERROR } from './server-error-rule';

/** The names of an action's params, as its schema lists them, for the help under the params. */
function paramNames(action: PackActionView | undefined): string {
  const properties = (action?.params as { properties?: Record<string, unknown> } | null | undefined)?.properties;
  return properties ? Object.keys(properties).join(', ') : '';
}

/** Whether the text is a JSON object: what an action's params must be. */
function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text.trim() || '{}');
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Run an action an installed pack adds: which one, and its params as JSON (the server checks them against the action's schema). */
export function PackActionForm({ index, path, position }: ActionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const actions = useQuery(packActionsQuery).data?.actions ?? [];
  const picked = Form.useWatch([...path, 'action'], form) as string | undefined;
  const chosen = actions.find((action) => `${action.pack}/${action.name}` === picked);
  const names = paramNames(chosen);
  const label = (part: string) => `${t('setup.automation.actionTitle', { position })}: ${part}`;
  return (
    <>
      <Form.Item name={[index, 'action']} label={t('setup.automation.packAction')} rules={[{ required: true, message: t('setup.automation.packActionRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={label(t('setup.automation.packAction'))}
          notFoundContent={t('setup.automation.packActionNone')}
          options={actions.map((action) => ({ value: `${action.pack}/${action.name}`, label: `${localize(action.label, language, action.name)} (${action.pack})` }))}
        />
      </Form.Item>
      <Form.Item
        name={[index, 'params']}
        label={t('setup.automation.packActionParams')}
        extra={names ? t('setup.automation.packActionParamsHelp', { names }) : undefined}
        rules={[CLEARS_SERVER_ERROR, { validator: async (_rule, value: string | undefined) => (isJsonObject(value ?? '') ? undefined : Promise.reject(new Error(t('setup.automation.packActionParamsJson')))) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} spellCheck={false} className="setup-api-name-input" aria-label={label(t('setup.automation.packActionParams'))} />
      </Form.Item>
    </>
  );
}
