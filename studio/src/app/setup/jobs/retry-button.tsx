import { RedoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { JOBS_KEY } from './jobs-api';

interface RetryButtonProps {
  /** Names the row for screen readers: "Retry" alone is ambiguous in a list. */
  readonly name: string;
  readonly confirm: string;
  readonly retry: () => Promise<unknown>;
}

/** Retries one failed row after a confirmation; the lists refresh, the server's refusal shows under the button. */
export function RetryButton({ name, confirm, retry }: RetryButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: retry,
    onSuccess: async () => {
      void message.success(t('setup.jobs.retried'));
      await queryClient.invalidateQueries({ queryKey: JOBS_KEY });
    },
  });
  return (
    <div className="setup-jobs-retry">
      {/* The confirmation takes the focus (mounted anew at each opening), so the keyboard confirms with Enter as the mouse does. */}
      <Popconfirm
        title={confirm}
        okText={t('setup.jobs.retry')}
        cancelText={t('setup.jobs.cancel')}
        okButtonProps={{ autoFocus: true }}
        destroyOnHidden
        onConfirm={() => mutation.mutateAsync().catch(() => undefined)}
      >
        <Button size="small" icon={<RedoOutlined aria-hidden />} loading={mutation.isPending} aria-label={`${t('setup.jobs.retry')}: ${name}`}>
          {t('setup.jobs.retry')}
        </Button>
      </Popconfirm>
      {mutation.error && (
        <p className="setup-jobs-error" role="alert">
          {t('setup.jobs.retryFailed', { message: mutation.error.message })}
        </p>
      )}
    </div>
  );
}
