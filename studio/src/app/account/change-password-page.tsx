import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import { ApiError } from '../../shared/api/api-error';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';

interface PasswordForm {
  readonly current: string;
  readonly password: string;
  readonly repeat: string;
}

/**
 * The signed-in user changes their own password: the current one, the new one twice. The rules
 * come from the server (GET /auth/password-policy) and the server's refusals land on their field.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string>();
  const policy = useQuery({ queryKey: ['password-policy'], queryFn: () => api<{ minLength: number; maxLength: number }>('/auth/password-policy'), staleTime: Infinity });
  const rule = policy.data ? t('password.rule', { min: policy.data.minLength, max: policy.data.maxLength }) : undefined;

  async function submit(values: PasswordForm) {
    setBusy(true);
    setFailure(undefined);
    setDone(false);
    try {
      await api<void>('/auth/password', { method: 'POST', body: { current: values.current, password: values.password } });
      form.resetFields();
      setDone(true);
    } catch (error) {
      const message = error instanceof Error ? fromServer(error.message, language) : String(error);
      if (error instanceof ApiError && error.details.length > 0) {
        form.setFields(
          error.details.map((detail) => ({ name: detail.path === '/current' ? 'current' : 'password', errors: [fromServer(detail.message, language)] })),
        );
      }
      setFailure(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <Typography.Title level={2} className="page-title">
        {t('password.title')}
      </Typography.Title>
      <Card>
        {done && <Alert type="success" showIcon role="status" title={t('password.changed')} style={{ marginBottom: 16 }} />}
        {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} disabled={busy}>
          <Form.Item name="current" label={t('password.current')} rules={[{ required: true, message: t('password.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="password" label={t('password.new')} extra={rule} rules={[{ required: true, message: t('password.required') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('password.repeat')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) => (!value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
