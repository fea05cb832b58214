import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { EmailTranslationsFields } from './email-translations-fields';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { usersQuery } from '../users/admin-user';
import type { ActionFormProps } from './action-editor';
import { TemplateHelp } from './template-help';

/**
 * Send an e-mail: to the record's owner, the user who saved it, the users its user fields name or
 * chosen users; subject and body are templates over the record's fields.
 */
export function EmailAction({ index, path, position, object, approval }: ActionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Choosing users by name needs the users list (manage users); without it the other recipients remain.
  const users = useQuery({ ...usersQuery, retry: false });
  const chosen = (Form.useWatch([...path, 'to']) as string[] | undefined) ?? [];
  const known = new Set((users.data?.users ?? []).map((user) => `user:${user._id}`));
  const options = [
    {
      label: t('setup.automation.recipientGroups.record'),
      // In a process, the submitter is who submitted the record, and the step's approvers may be written to.
      options: approval
        ? (['owner', 'submitter', 'approvers'] as const).map((value) => ({ value, label: t(`setup.automation.approvalRecipients.${value}`) }))
        : (['owner', 'submitter'] as const).map((value) => ({ value, label: t(`setup.automation.recipients.${value}`) })),
    },
    {
      label: t('setup.automation.recipientGroups.fields'),
      options: (object?.fields ?? []).filter((field) => field.type === 'lookup' && field.target === 'user').map((field) => ({ value: `field:${field.name}`, label: localize(field.label, language, field.name) })),
    },
    {
      label: t('setup.automation.recipientGroups.users'),
      options: [
        ...(users.data?.users ?? []).map((user) => ({ value: `user:${user._id}`, label: user.full_name ?? user.email ?? user._id })),
        // Users saved in the rule that the list does not show keep their id as their label.
        ...chosen.filter((key) => key.startsWith('user:') && !known.has(key)).map((key) => ({ value: key, label: key.slice('user:'.length) })),
      ],
    },
  ].filter((group) => group.options.length > 0);
  const label = (part: string) => `${t('setup.automation.actionTitle', { position })}: ${part}`;
  return (
    <>
      <Form.Item name={[index, 'to']} label={t('setup.automation.to')} rules={[{ required: true, type: 'array', min: 1, message: t('setup.automation.toRequired') }]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} aria-label={label(t('setup.automation.to'))} options={options} loading={users.isPending} />
      </Form.Item>
      <Form.Item name={[index, 'subject']} label={t('setup.automation.subject')} rules={[{ required: true, whitespace: true, message: t('setup.automation.templateRequired') }]}>
        <Input autoComplete="off" aria-label={label(t('setup.automation.subject'))} />
      </Form.Item>
      <Form.Item name={[index, 'body']} label={t('setup.automation.body')} extra={<TemplateHelp />} rules={[{ required: true, whitespace: true, message: t('setup.automation.templateRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} aria-label={label(t('setup.automation.body'))} />
      </Form.Item>
      <EmailTranslationsFields index={index} path={path} label={label} />
    </>
  );
}
