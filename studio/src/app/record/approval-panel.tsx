import { Alert, Button, Card, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { formatWhen, offeredActions, personName, stepLabelOf, type ApprovalStatus } from '../approvals/approval-model';
import { useApproval } from '../approvals/use-approval';
import { DecisionDialog, type Decision } from '../approvals/decision-dialog';

/** Solid colours with white text: antd's light preset tags fall below the contrast axe asks for. */
const STATUS_COLOURS: Record<ApprovalStatus, string | undefined> = { none: undefined, pending: '#1d4ed8', approved: '#15803d', rejected: '#b91c1c', returned: '#b45309', recalled: undefined };

/**
 * The record's approval: where it stands, who is asked, what this user may do (only that), and
 * what happened. Renders nothing on an object without approvals for a record never submitted.
 */
export function ApprovalPanel({ object, id, title }: { object: string; id: string; title: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [decision, setDecision] = useState<Decision | null>(null);
  const approval = useApproval(object, id);

  if (approval.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (approval.error) return <Alert type="error" showIcon role="alert" title={t('approvals.loadFailed', { message: fromServer(approval.error.message, language) })} />;
  const view = approval.data;
  if (!view) return null;
  const actions = offeredActions(view.allowedActions);
  if (view.status === 'none' && actions.length === 0 && view.history.length === 0) return null;
  const names = { system: t('approvals.system'), approvers: t('approvals.allApprovers') };
  // Names are data: shown as written, never converted to Traditional characters as labels are.
  const who = (user: string | null | undefined) => personName(view.users, user, names);

  return (
    <Card size="small" title={<h2 className="approval-panel-title">{t('approvals.panelTitle')}</h2>} className="approval-panel" extra={view.processLabel ? fromServer(view.processLabel, language) : undefined}>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        <Tag color={STATUS_COLOURS[view.status]} className="approval-status">
          {t(`approvals.status.${view.status}`)}
        </Tag>
      </Space>
      {view.status === 'pending' && (
        <dl className="approval-facts">
          <div>
            <dt>{t('approvals.currentStep')}</dt>
            <dd>{fromServer(view.stepLabel ?? view.step ?? '', language)}</dd>
          </div>
          <div>
            <dt>{t('approvals.approvers')}</dt>
            <dd>{view.pending.map((item) => (item.delegateOf ? t('approvals.delegateFor', { name: who(item.approver), of: who(item.delegateOf) }) : who(item.approver))).join(', ')}</dd>
          </div>
        </dl>
      )}
      {view.submittedBy && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('approvals.submitted', { name: who(view.submittedBy), when: formatWhen(view.submittedAt, language) })}
        </Typography.Paragraph>
      )}
      {actions.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          {actions.map((action) => (
            <Button key={action} type={action === 'approve' || action === 'submit' ? 'primary' : 'default'} danger={action === 'reject'} onClick={() => setDecision({ object, id, action, subject: title })}>
              {t(`approvals.action.${action}`)}
            </Button>
          ))}
        </Space>
      )}
      <h3 className="approval-history-title">{t('approvals.history')}</h3>
      {view.history.length === 0 ? (
        <Typography.Text type="secondary">{t('approvals.noHistory')}</Typography.Text>
      ) : (
        <ol className="approval-history">
          {[...view.history].reverse().map((entry) => {
            const step = stepLabelOf(view, entry.step);
            const isEnd = entry.action === 'approved' || entry.action === 'rejected' || entry.action === 'returned';
            const what = t(`approvals.historyAction.${entry.action}`, { to: who(entry.to) });
            return (
              <li key={entry._id} className={`approval-history-entry approval-history-${entry.action}`}>
                <div>
                  {isEnd ? <strong>{what}</strong> : (
                    <>
                      <strong>{who(entry.actor)}</strong> {what}
                    </>
                  )}
                  {entry.onBehalfOf && <span> ({t('approvals.onBehalfOf', { name: who(entry.onBehalfOf) })})</span>}
                  {step && <span className="approval-history-step"> · {t('approvals.atStep', { step: fromServer(step, language) })}</span>}
                </div>
                <time dateTime={entry.at} className="approval-history-when">
                  {formatWhen(entry.at, language)}
                </time>
                {entry.comment && <blockquote className="approval-history-comment">{entry.comment}</blockquote>}
              </li>
            );
          })}
        </ol>
      )}
      <DecisionDialog decision={decision} onClose={() => setDecision(null)} />
    </Card>
  );
}
