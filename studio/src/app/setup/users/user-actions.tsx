import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { isApiError } from '../../../shared/api/api-error';
import { isActive, USERS_KEY, type AdminUser } from './admin-user';
import { PasswordField } from './password-field';
import { passwordPolicyQuery } from './password-policy';
import { StatusTag } from './status-tag';

interface UserActionsProps {
  readonly user: AdminUser;
  /** The signed-in admin's own user: the engine refuses deactivating oneself, so it is not offered. */
  readonly self: boolean;
}

/**
 * What an admin does to another user's account: reset the password, deactivate or reactivate it,
 * end every session and revoke every API token (/auth/users/{id}/...). Each asks first; the
 * server's refusal is shown as it says it.
 */
export function UserActions({ user, self }: UserActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  const [resetting, setResetting] = useState(false);
  const id = encodeURIComponent(user._id);
  const signIns = useQuery({
    queryKey: ['setup', 'users', user._id, 'sign-ins'],
    queryFn: async () => {
      const [sessions, tokens] = await Promise.all([api<{ sessions: unknown[] }>(`/auth/users/${id}/sessions`), api<{ tokens: unknown[] }>(`/auth/users/${id}/tokens`)]);
      return { sessions: sessions.sessions.length, tokens: tokens.tokens.length };
    },
    enabled: !self,
    retry: false,
  });
  const active = isActive(user);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(undefined);
    try {
      await action();
      void message.success(done);
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  const setActive = (next: boolean) =>
    run(() => api(`/records/user/${id}`, { method: 'PATCH', body: { active: next }, headers: { 'If-Match': `"${user._version}"` } }), next ? t('setup.users.reactivated') : t('setup.users.deactivated'));
  const revoke = () =>
    run(() => Promise.all([api(`/auth/users/${id}/sessions`, { method: 'DELETE' }), api(`/auth/users/${id}/tokens`, { method: 'DELETE' })]), t('setup.users.revoked'));

  return (
    <section className="setup-user-actions" aria-labelledby="setup-user-actions-title">
      <h3 id="setup-user-actions-title">
        {t('setup.users.account')} <StatusTag active={active} />
      </h3>
      {self ? (
        <p className="setup-hint">{t('setup.users.selfHint')}</p>
      ) : (
        <>
          {signIns.error ? (
            <p className="setup-hint">{signIns.error.message}</p>
          ) : signIns.data ? (
            <p className="setup-hint">{t('setup.users.signIns', { sessions: t('setup.users.sessions', { count: signIns.data.sessions }), tokens: t('setup.users.tokens', { count: signIns.data.tokens }) })}</p>
          ) : null}
          <div className="setup-form-actions setup-wrap">
            <Button onClick={() => setResetting(true)}>{t('setup.users.resetPassword')}</Button>
            <Popconfirm
              title={active ? t('setup.users.deactivateConfirm', { name: user.full_name }) : t('setup.users.reactivateConfirm', { name: user.full_name })}
              okText={active ? t('setup.users.deactivate') : t('setup.users.reactivate')}
              cancelText={t('setup.users.cancel')}
              okButtonProps={{ danger: active }}
              onConfirm={() => setActive(!active)}
            >
              <Button danger={active}>{active ? t('setup.users.deactivate') : t('setup.users.reactivate')}</Button>
            </Popconfirm>
            <Popconfirm
              title={t('setup.users.revokeConfirm', { name: user.full_name })}
              okText={t('setup.users.revoke')}
              cancelText={t('setup.users.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => revoke().then(() => signIns.refetch())}
            >
              <Button danger>{t('setup.users.revoke')}</Button>
            </Popconfirm>
          </div>
        </>
      )}
      {error && <Alert type="error" showIcon role="alert" className="setup-form-alert" title={error} />}
      {resetting && <ResetPasswordDialog user={user} onClose={() => setResetting(false)} />}
    </section>
  );
}

/** Sets another user's password (typed or generated), with the server's refusal under the field. */
function ResetPasswordDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const policy = useQuery(passwordPolicyQuery);
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const minLength = policy.data?.minLength ?? 1;

  async function submit({ password }: { password: string }) {
    setBusy(true);
    try {
      await api(`/auth/users/${encodeURIComponent(user._id)}/password`, { method: 'POST', body: { password } });
      void message.success(t('setup.users.passwordSet', { name: user.full_name }));
      onClose();
    } catch (error) {
      const detail = isApiError(error) ? error.details.find((candidate) => candidate.path === '/password')?.message : undefined;
      form.setFields([{ name: 'password', errors: [detail ?? (error instanceof Error ? error.message : String(error))] }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('setup.users.resetTitle', { name: user.full_name })}
      okText={t('setup.users.setPassword')}
      cancelText={t('setup.users.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ password: '' }}>
        <Form.Item
          name="password"
          label={t('setup.users.newPassword')}
          extra={t('setup.users.resetHelp', { count: minLength })}
          rules={[{ required: true, message: t('setup.users.passwordRequired') }, { min: minLength, message: t('setup.users.passwordShort', { count: minLength }) }]}
        >
          <PasswordField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
