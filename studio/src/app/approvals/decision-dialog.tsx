import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { APPROVALS_KEY, approvalPath, commentRequired, type DecisionAction } from './approval-model';

export interface Decision {
  readonly object: string;
  readonly id: string;
  readonly action: DecisionAction;
  /** What the dialog is about, for its title: the record's name. */
  readonly subject?: string;
}

/**
 * Asks for the comment of an approval event (required to reject, as the engine requires it),
 * sends the event, and refreshes every approval view and the record. The server's refusal is shown
 * in the dialog, in the user's language, and the dialog stays open.
 */
export function DecisionDialog({ decision, onClose }: { decision: Decision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const action = decision?.action ?? 'approve';
  const required = commentRequired(action);

  async function send({ comment }: { comment?: string }) {
    if (!decision) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api(approvalPath(decision.object, decision.id, decision.action), { method: 'POST', body: comment?.trim() ? { comment: comment.trim() } : {} });
      void message.success(t(`approvals.done.${decision.action}`));
      form.resetFields();
      onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [APPROVALS_KEY] }),
        queryClient.invalidateQueries({ queryKey: ['record', decision.object, decision.id] }),
        queryClient.invalidateQueries({ queryKey: ['records', decision.object] }),
      ]);
    } catch (error) {
      // The server writes in the user's language (zh-TW converted here); a 400's details name what to fix.
      const details = isApiError(error, 400) ? error.details.map((detail) => `${detail.path.replace(/^\//, '')} ${detail.message}`.trim()) : [];
      setFailure(fromServer([error instanceof Error ? error.message : String(error), ...details].join(' · '), language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={decision !== null}
      title={decision?.subject ? t('approvals.dialogTitle', { action: t(`approvals.action.${action}`), subject: decision.subject }) : t(`approvals.action.${action}`)}
      okText={t(`approvals.action.${action}`)}
      okButtonProps={{ danger: action === 'reject' || action === 'recall', loading: busy }}
      cancelText={t('record.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        setFailure(undefined);
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(values) => void send(values)}>
        <Form.Item
          name="comment"
          label={required ? t('approvals.comment') : t('approvals.commentOptional')}
          rules={required ? [{ required: true, whitespace: true, message: t('approvals.commentRequired') }] : []}
        >
          <Input.TextArea id="approval-comment" rows={3} maxLength={4000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
