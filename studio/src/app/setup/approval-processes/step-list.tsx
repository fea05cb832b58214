import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { approverDraft } from './approver-draft';
import { useApproverNames } from './approver-names';
import type { ApprovalStepMetadata } from './step-draft';

interface StepListProps {
  readonly steps: readonly ApprovalStepMetadata[];
  readonly object: string;
  /** A simulation's path: its steps are marked as the diagram lights them. */
  readonly path: readonly string[];
  readonly labelOf: (step: ApprovalStepMetadata) => string;
  readonly onEdit: (index: number) => void;
  /** Moves a step one place; the order is the order records go through. */
  readonly onMove: (from: number, to: number) => void;
  /** A move is being saved: the buttons wait for it. */
  readonly moving: boolean;
}

/**
 * The steps in order, each with whom it asks, how they decide and when it runs: the diagram's text
 * alternative, and the whole designer at phone width.
 */
export function StepList({ steps, object, path, labelOf, onEdit, onMove, moving }: StepListProps) {
  const { t } = useTranslation();
  const nameOf = useApproverNames(
    object,
    steps.flatMap((step) => step.approvers.flatMap((approver) => ('user' in approver ? [approver.user] : []))),
  );
  if (steps.length === 0) return <p className="setup-empty">{t('setup.approvals.noSteps')}</p>;
  return (
    <ol className="approvals-step-list" aria-labelledby="approvals-steps-title">
      {steps.map((step, index) => {
        const approvers = step.approvers.map((approver) => {
          const draft = approverDraft(approver);
          return draft.kind === 'manager' ? t('setup.approvals.kinds.manager') : `${t(`setup.approvals.kinds.${draft.kind}`)}: ${nameOf(draft)}`;
        });
        const lit = path.includes(step.name);
        return (
          <li key={step.name} className={`approvals-step${lit ? ' is-lit' : ''}`} data-step={step.name}>
            <div className="approvals-step-head">
              <strong>{labelOf(step)}</strong>
              {lit && <Tag color="blue">{t('setup.approvals.entered')}</Tag>}
              <span className="approvals-step-buttons">
                {steps.length > 1 && (
                  <>
                    <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0 || moving} aria-label={t('setup.approvals.stepMoveUp', { name: labelOf(step) })} onClick={() => onMove(index, index - 1)} />
                    <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === steps.length - 1 || moving} aria-label={t('setup.approvals.stepMoveDown', { name: labelOf(step) })} onClick={() => onMove(index, index + 1)} />
                  </>
                )}
                <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('setup.approvals.editStep', { name: labelOf(step) })} onClick={() => onEdit(index)} />
              </span>
            </div>
            <div className="approvals-step-detail">{t('setup.approvals.stepSummary', { approvers: approvers.join(', '), mode: t(`setup.approvals.modes.${step.mode ?? 'first'}`) })}</div>
            {step.condition && <div className="approvals-step-detail">{t('setup.approvals.stepCondition', { condition: step.condition })}</div>}
          </li>
        );
      })}
    </ol>
  );
}
