import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The signing secret the server generated, shown the one time it is known, with a copy button. */
export function SecretOnce({ secret }: { secret: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      void message.success(t('setup.webhooks.copied'));
    } catch {
      void message.warning(t('setup.webhooks.copyFailed'));
    }
  }
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      className="webhook-secret-once"
      title={t('setup.webhooks.secretOnceTitle')}
      description={
        <>
          <p>{t('setup.webhooks.secretOnceText')}</p>
          <Space.Compact className="webhook-secret-value">
            <Input readOnly value={secret} aria-label={t('setup.webhooks.secret')} spellCheck={false} onFocus={(event) => event.target.select()} />
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>
              {t('setup.webhooks.copy')}
            </Button>
          </Space.Compact>
        </>
      }
    />
  );
}
