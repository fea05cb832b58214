import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { FormErrorsAlert } from '../form-errors-alert';
import { rolesQuery } from '../roles/roles-query';
import { useServerErrors } from '../use-server-errors';
import { permissionSetsQuery, USERS_KEY, type AdminUser } from './admin-user';
import { PasswordField } from './password-field';
import { passwordPolicyQuery } from './password-policy';
import { EMPTY_USER, USER_LANGUAGES, userDraftOf, userErrors, userValues, type UserDraft } from './user-draft';

const LANGUAGE_NAMES = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' } as const;

interface UserFormProps {
  /** The user to edit; none for a new one. */
  readonly user?: AdminUser;
  readonly onSaved: (id: string) => void;
  readonly onCancel: () => void;
}

/**
 * A user's name, e-mail (the name they sign in with), role, permission sets and language; a new
 * user's first password too, typed or generated (left empty, it is set later with Reset password).
 * The server's problems land on the controls that caused them.
 */
export function UserForm({ user, onSaved, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useQuery(rolesQuery);
  const sets = useQuery(permissionSetsQuery);
  const policy = useQuery(passwordPolicyQuery);
  const [form] = Form.useForm<UserDraft>();
  const [busy, setBusy] = useState(false);
  const { formErrors, clear, fail } = useServerErrors(form, userErrors);
  const creating = user === undefined;

  async function save(draft: UserDraft) {
    setBusy(true);
    clear();
    try {
      if (user) {
        await api(`/records/user/${encodeURIComponent(user._id)}`, { method: 'PATCH', body: userValues(draft, false), headers: { 'If-Match': `"${user._version}"` } });
        void message.success(t('setup.users.saved'));
        await queryClient.invalidateQueries({ queryKey: USERS_KEY });
        onSaved(user._id);
        return;
      }
      const created = await api<AdminUser>('/records/user', { method: 'POST', body: userValues(draft, true) });
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      if (draft.password !== '') {
        try {
          await api(`/auth/users/${encodeURIComponent(created._id)}/password`, { method: 'POST', body: { password: draft.password } });
        } catch (error) {
          // The user exists by now: say so, and that the password is still to be set.
          void message.warning(t('setup.users.createdWithoutPassword', { message: error instanceof Error ? error.message : String(error) }), 10);
          onSaved(created._id);
          return;
        }
      }
      void message.success(t('setup.users.created', { name: created.full_name ?? draft.fullName }));
      onSaved(created._id);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  const minLength = policy.data?.minLength;
  return (
    <Form<UserDraft> form={form} layout="vertical" initialValues={user ? userDraftOf(user) : EMPTY_USER} onFinish={(draft) => void save(draft)}>
      <Form.Item name="fullName" label={t('setup.users.fullName')} rules={[{ required: true, whitespace: true, message: t('setup.users.fullNameRequired') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label={t('setup.users.email')} extra={t('setup.users.emailHelp')} rules={[{ required: true, whitespace: true, message: t('setup.users.emailRequired') }]}>
        <Input type="email" autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item name="role" label={t('setup.users.role')} extra={t('setup.users.roleHelp')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={roles.isPending}
          options={[{ value: '', label: t('setup.users.noRole') }, ...(roles.data?.roles ?? []).map((role) => ({ value: role.name, label: localize(role.label, language, role.name) }))]}
        />
      </Form.Item>
      <Form.Item name="permissionSets" label={t('setup.users.permissionSets')} extra={t('setup.users.permissionSetsHelp')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={sets.isPending}
          options={(sets.data?.permissionSets ?? []).map((set) => ({ value: set.name, label: localize(set.label, language, set.name) }))}
        />
      </Form.Item>
      <Form.Item name="language" label={t('setup.users.language')}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={USER_LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))} />
      </Form.Item>
      {creating && (
        <Form.Item
          name="password"
          label={t('setup.users.password')}
          extra={minLength === undefined ? t('setup.users.passwordLater') : t('setup.users.passwordHelp', { count: minLength })}
          rules={minLength === undefined ? [] : [{ min: minLength, message: t('setup.users.passwordShort', { count: minLength }) }]}
        >
          <PasswordField />
        </Form.Item>
      )}
      <FormErrorsAlert errors={formErrors} />
      <div className="setup-form-actions">
        <Button type="primary" htmlType="submit" loading={busy}>
          {creating ? t('setup.users.create') : t('setup.users.save')}
        </Button>
        <Button onClick={onCancel}>{t('setup.users.cancel')}</Button>
      </div>
    </Form>
  );
}
