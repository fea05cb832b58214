import { Alert, Button, Form, Input, InputNumber, Select, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import type { UiLanguage } from '../../../shared/i18n/languages';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition } from '../../../shared/metadata/object-definition';
import { FormErrorsAlert } from '../form-errors-alert';
import { useServerErrors } from '../use-server-errors';
import { actionText, SAMPLE_TYPES, simulationErrors, simulationRequest, type ApprovalSimulation, type SimulatedAction } from './simulation';

interface SimulationPanelProps {
  readonly process: string;
  readonly fields: readonly FieldDefinition[];
  readonly result: ApprovalSimulation | undefined;
  readonly onResult: (simulation: ApprovalSimulation | undefined) => void;
}

const RECORD_ID = '__recordId';

/** The input of one field of the sample record: returned as Form.Item's direct child, which gets id, value and onChange. */
function sampleInput(field: FieldDefinition, language: UiLanguage) {
  if (field.type === 'number' || field.type === 'currency' || field.type === 'percent') return <InputNumber className="approvals-sample-number" />;
  if (field.type === 'picklist') {
    return (
      <Select
        allowClear
        options={(field.values ?? []).map((value) => (typeof value === 'string' ? { value, label: value } : { value: value.value, label: localize(value.label, language, value.value) }))}
      />
    );
  }
  if (field.type === 'boolean') return <Switch />;
  return <Input autoComplete="off" type={field.type === 'date' ? 'date' : 'text'} />;
}

/**
 * Tries the saved process on a sample record (or a stored one): the path it would take goes to the
 * diagram, and the steps with whom they would ask and what they would do are listed here.
 */
export function SimulationPanel({ process, fields, result, onResult }: SimulationPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const { formErrors, clear, fail } = useServerErrors(form, simulationErrors);
  const offered = fields.filter((field) => SAMPLE_TYPES.has(field.type));
  const describe = (action: SimulatedAction) => {
    const { key, values } = actionText(action);
    return t(`setup.approvals.${key}`, values);
  };
  const actions = (title: string, list: readonly SimulatedAction[]) =>
    list.length > 0 && (
      <div className="approvals-actions">
        <span>{title}:</span>
        <ul>
          {list.map((action) => (
            <li key={action.at}>{describe(action)}</li>
          ))}
        </ul>
      </div>
    );

  async function run(values: Record<string, unknown>) {
    const { [RECORD_ID]: recordId, ...sample } = values;
    setBusy(true);
    clear();
    onResult(undefined);
    try {
      onResult(
        await api<ApprovalSimulation>(`/meta/approval-processes/${encodeURIComponent(process)}/simulate`, {
          method: 'POST',
          body: simulationRequest(sample, typeof recordId === 'string' ? recordId : ''),
        }),
      );
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="approvals-simulation" aria-labelledby="approvals-simulation-title">
      <h3 id="approvals-simulation-title">{t('setup.approvals.simulateTitle')}</h3>
      <p className="setup-fieldset-help">{t('setup.approvals.simulateHelp')}</p>
      <Form form={form} name="sample" layout="vertical" onFinish={(values) => void run(values)} className="approvals-sample-form">
        <div className="approvals-sample-fields">
          {offered.map((field) => (
            <Form.Item key={field.name} name={field.name} label={localize(field.label, language, field.name)} valuePropName={field.type === 'boolean' ? 'checked' : 'value'}>
              {sampleInput(field, language)}
            </Form.Item>
          ))}
          <Form.Item name={RECORD_ID} label={t('setup.approvals.simulateRecordId')}>
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
        </div>
        <FormErrorsAlert errors={formErrors} />
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('setup.approvals.simulateRun')}
        </Button>
      </Form>
      {result && (
        <div className="approvals-simulation-result" aria-live="polite">
          <h4>{t('setup.approvals.pathTitle')}</h4>
          {!result.admitted && <Alert type="warning" showIcon title={t('setup.approvals.notAdmitted')} />}
          {!result.maySubmit && <Alert type="warning" showIcon title={t('setup.approvals.maySubmitNot')} />}
          {actions(t('setup.approvals.onSubmitActions'), result.onSubmit)}
          <ol className="approvals-path">
            {result.steps.map((step) => (
              <li key={step.name} className={`approvals-path-step is-${step.status}`}>
                <strong>{step.label}</strong> <Tag color={step.status === 'entered' ? 'blue' : 'default'}>{t(`setup.approvals.${step.status}`)}</Tag>
                {step.status === 'entered' && (
                  <div className="approvals-asked">
                    {step.approvers.length === 0
                      ? t('setup.approvals.askedNobody')
                      : step.approvers
                          .map((approver) =>
                            approver.delegate
                              ? t('setup.approvals.delegate', { name: approver.delegate.name ?? approver.delegate.id, of: approver.name ?? approver.id })
                              : (approver.name ?? approver.id),
                          )
                          .join(', ')}
                  </div>
                )}
                {actions(t('setup.approvals.onEnterActions'), step.onEnter)}
                {actions(t('setup.approvals.onLeaveActions'), step.onLeave)}
              </li>
            ))}
            {result.path.at(-1) === 'approved' && <li className="approvals-path-end">{t('setup.approvals.endApproved')}</li>}
          </ol>
          {actions(t('setup.approvals.onApproveActions'), result.onApprove)}
          {result.problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={t('setup.approvals.problems')}
              description={
                <ul>
                  {result.problems.map((problem) => (
                    <li key={`${problem.path}${problem.message}`}>{problem.message}</li>
                  ))}
                </ul>
              }
            />
          )}
        </div>
      )}
    </section>
  );
}
