import { Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../../record/user-picker';
import { ExpressionInput } from '../expressions/expression-input';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { SetupFormActions } from '../setup-form-actions';
import { useServerErrors } from '../use-server-errors';
import { ApproverList } from './approver-list';
import { stepErrors } from './process-draft';
import { ActionLists } from './action-lists';
import { useObjects } from '../../../shared/metadata/use-objects';

const STEP_ACTION_LISTS = ['onEnter', 'onLeave'] as const;
import { stepDraft, stepOf, type ApprovalStepMetadata, type StepDraft } from './step-draft';

interface StepEditorProps {
  /** The step edited; undefined for a new one. */
  readonly step: ApprovalStepMetadata | undefined;
  /** Where the step is (or goes) among the process's steps: the server's problems name it by this. */
  readonly index: number;
  readonly object: string;
  /** Saves the whole process with this step; throws the server's refusal. */
  readonly onSave: (step: ApprovalStepMetadata) => Promise<void>;
  readonly onDelete: (() => Promise<void>) | undefined;
  readonly onCancel: () => void;
}

const NEW_STEP: ApprovalStepMetadata = { name: '', approvers: [{ submitterManager: true }] };

/** The entry condition as a form control (Form.Item passes id, value and onChange). */
function ConditionControl({ id, value, onChange, object, label }: { id?: string; value?: string; onChange?: (value: string) => void; object: string; label: string }) {
  return <ExpressionInput id={id} value={value ?? ''} onChange={(next) => onChange?.(next)} object={object} purpose="condition" aria-label={label} />;
}

/** The escalation's user as a form control; empty means the pending approvers' managers. */
function EscalationUserControl({ id, value, onChange, label }: { id?: string; value?: string; onChange?: (value: string) => void; label: string }) {
  return <UserPicker id={id ?? 'escalationUser'} label={label} value={value || undefined} onChange={(user) => onChange?.(user ?? '')} />;
}

/**
 * The side panel of one step: its names, entry condition, approvers and how they decide, reminder,
 * escalation and what a rejection does. Saving saves the whole process (nothing half-saved); the
 * server's problems with this step land on its controls.
 */
export function StepEditor({ step, index, object, onSave, onDelete, onCancel }: StepEditorProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StepDraft>();
  const { formErrors, clear, fail } = useServerErrors(form, (details) => stepErrors(details, index, form.getFieldsValue(true) as StepDraft));
  const objects = useObjects();
  const objectDefinition = objects.data?.objects.find((candidate) => candidate.name === object);
  const start = stepDraft(step ?? NEW_STEP);
  const mode = Form.useWatch('mode', form) ?? start.mode;
  const creating = step === undefined;
  const [busy, setBusy] = useState(false);

  /** Runs a save or delete of the whole process, its refusal shown here. */
  async function attempt(action: () => Promise<void>) {
    setBusy(true);
    clear();
    try {
      await action();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<StepDraft>
      form={form}
      name="step"
      layout="vertical"
      initialValues={start}
      onFinish={(draft) => void attempt(() => onSave(stepOf({ ...start, ...draft })))}
      onValuesChange={(changed: Partial<StepDraft>) => {
        if (changed.labelEn !== undefined && creating && !form.isFieldTouched('name')) form.setFieldValue('name', suggestApiName(changed.labelEn));
      }}
    >
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.approvals.labelEn')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.approvals.labelZh')}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t('setup.approvals.stepName')} rules={[{ required: true, whitespace: true, message: t('setup.approvals.stepNameRequired') }]}>
        <Input autoComplete="off" spellCheck={false} className="setup-api-name-input" />
      </Form.Item>
      <Form.Item name="condition" label={t('setup.approvals.condition')} extra={t('setup.approvals.conditionHelp')}>
        <ConditionControl object={object} label={t('setup.approvals.condition')} />
      </Form.Item>
      <Form.Item name="approvers" label={t('setup.approvals.approvers')}>
        <ApproverList object={object} />
      </Form.Item>
      <Form.Item name="mode" label={t('setup.approvals.mode')}>
        <Radio.Group options={(['first', 'all', 'quorum'] as const).map((value) => ({ value, label: t(`setup.approvals.modes.${value}`) }))} />
      </Form.Item>
      {mode === 'quorum' && (
        <Form.Item name="quorum" label={t('setup.approvals.quorum')}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
      )}
      <div className="setup-form-grid">
        <Form.Item name="reminderAfter" label={t('setup.approvals.reminderAfter')} extra={t('setup.approvals.durationHelp')}>
          <Input autoComplete="off" spellCheck={false} placeholder="P1D" />
        </Form.Item>
        <Form.Item name="escalationAfter" label={t('setup.approvals.escalationAfter')} extra={t('setup.approvals.durationHelp')}>
          <Input autoComplete="off" spellCheck={false} placeholder="P3D" />
        </Form.Item>
      </div>
      <Form.Item name="escalationUser" label={t('setup.approvals.escalationUser')} extra={t('setup.approvals.escalationUserHelp')}>
        <EscalationUserControl label={t('setup.approvals.escalationUser')} />
      </Form.Item>
      <Form.Item name="onReject" label={t('setup.approvals.onReject')}>
        <Radio.Group
          options={[
            { value: 'draft', label: t('setup.approvals.onRejectDraft') },
            { value: 'final', label: t('setup.approvals.onRejectFinal') },
          ]}
        />
      </Form.Item>
      <ActionLists lists={STEP_ACTION_LISTS} object={objectDefinition} objects={objects.data?.objects ?? []} idPrefix="step-actions" />
      <FormErrorsAlert errors={formErrors} />
      <SetupFormActions
        busy={busy}
        submit={t('setup.approvals.saveStep')}
        cancel={t('setup.approvals.cancel')}
        onCancel={onCancel}
        remove={onDelete && step ? { label: t('setup.approvals.deleteStep'), confirm: t('setup.approvals.deleteStepConfirm', { name: step.name }), onConfirm: () => attempt(onDelete) } : undefined}
      />
    </Form>
  );
}
