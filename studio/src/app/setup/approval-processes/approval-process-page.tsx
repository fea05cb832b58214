import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input, Select, Switch } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-error';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { ExpressionInput } from '../expressions/expression-input';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { namePath, useServerErrors } from '../use-server-errors';
import { approvalMachineQuery, approvalProcessQuery, saveApprovalProcess, type ApprovalProcessDefinition } from './approval-process-query';
import { PROCESS_ACTION_LISTS, processDraft, processErrors, processOf, withStep, type ProcessDraft } from './process-draft';
import { ActionLists } from './action-lists';
import { START_NODE } from './process-graph';
import type { ApprovalSimulation } from './simulation';
import { SimulationPanel } from './simulation-panel';
import { StepEditor } from './step-editor';
import { StepList } from './step-list';
import { ProcessVersions } from './process-versions';
import { moveItem } from '../move-item';
import type { ApprovalStepMetadata } from './step-draft';
import { useOpenedEtag } from '../use-opened-etag';
import './approvals.css';

// The diagram libraries (@xyflow/react, elkjs) load with this chunk only, when a diagram is shown.
const ProcessDiagram = lazy(() => import('./process-diagram'));

function CriteriaControl({ id, value, onChange, object, label }: { id?: string; value?: string; onChange?: (value: string) => void; object: string; label: string }) {
  return <ExpressionInput id={id} value={value ?? ''} onChange={(next) => onChange?.(next)} object={object} purpose="condition" aria-label={label} />;
}

/** The step panel open: the index the step has (or gets) and the step itself, undefined for a new one. */
type OpenStep = { index: number; step: ApprovalStepMetadata | undefined };

/**
 * /setup/approval-processes/:name (and /new?object=…): the process's header, its steps drawn as a
 * diagram beside their ordered list (the diagram's text alternative, and all there is at phone
 * width), a side panel per step, and a simulation that lights up the path a record would take.
 */
export function ApprovalProcessPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { name } = useParams();
  const [search] = useSearchParams();
  const existing = name === undefined || name === 'new' ? undefined : name;
  const wide = Grid.useBreakpoint().md !== false;
  const loaded = useQuery({ ...approvalProcessQuery(existing ?? ''), enabled: existing !== undefined });
  const machine = useQuery({ ...approvalMachineQuery(existing ?? ''), enabled: existing !== undefined });
  const objects = useObjects();
  const [form] = Form.useForm<ProcessDraft>();
  const { formErrors, clear, fail } = useServerErrors(form, (details) => processErrors(details, form.getFieldsValue(true) as ProcessDraft));
  const [open, setOpen] = useState<OpenStep>();
  const [busy, setBusy] = useState(false);
  const [moving, setMoving] = useState(false);
  const [simulation, setSimulation] = useState<ApprovalSimulation>();
  const process = loaded.data?.definition;
  const opened = useOpenedEtag(loaded.data?.etag);
  const steps = useMemo(() => process?.steps ?? [], [process]);
  const conditional = useMemo(() => new Set(steps.filter((step) => step.condition).map((step) => step.name)), [steps]);
  const object = Form.useWatch('object', form) ?? process?.object ?? search.get('object') ?? '';
  const objectDefinition = objects.data?.objects.find((candidate) => candidate.name === object);
  const fields = objectDefinition?.fields ?? [];
  const title = existing ? localize(process?.label, language, existing) : t('setup.approvals.newTitle');

  const stepLabel = (step: ApprovalStepMetadata) => localize(step.label, language, step.name);
  const labelOf = (id: string) => {
    if (id === START_NODE) return t('setup.approvals.start');
    const step = steps.find((candidate) => candidate.name === id);
    if (step) return stepLabel(step);
    return id === 'approved' || id === 'rejected' || id === 'returned' ? t(`setup.approvals.${id}`) : id;
  };

  /** Saves the process with these steps; the server's problems with the header go on it, and the refusal goes back to the caller. */
  async function saveWith(nextSteps: readonly ApprovalStepMetadata[]): Promise<ApprovalProcessDefinition> {
    let header: ProcessDraft;
    try {
      header = { ...processDraft(process, object), ...(await form.validateFields()) };
    } catch {
      throw new Error(t('setup.approvals.processFirst'));
    }
    const definition = processOf(process, header, nextSteps);
    try {
      const answer = await saveApprovalProcess(definition, existing, opened.etag);
      if (existing !== undefined) opened.renew(answer);
    } catch (error) {
      if (isApiError(error)) form.setFields(Object.entries(processErrors(error.details, header).controls).map(([control, errors]) => ({ name: namePath(control), errors: errors ?? [] })));
      throw error;
    }
    setSimulation(undefined);
    await queryClient.invalidateQueries({ queryKey: ['meta'] });
    if (existing === undefined) {
      void message.success(t('setup.approvals.created', { name: localize(definition.label, language, definition.name) }));
      void navigate(`/setup/approval-processes/${definition.name}`, { replace: true });
    }
    return definition;
  }

  async function saveHeader() {
    setBusy(true);
    clear();
    try {
      await saveWith(steps);
      void message.success(t('setup.approvals.saved'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function saveStep(step: ApprovalStepMetadata) {
    if (!open) return;
    await saveWith(withStep(steps, open.index, step, open.step !== undefined));
    void message.success(t('setup.approvals.stepSaved', { name: stepLabel(step) }));
    setOpen(undefined);
  }

  async function deleteStep() {
    if (!open?.step) return;
    if (steps.length === 1) throw new Error(t('setup.approvals.lastStep'));
    await saveWith(steps.filter((_, index) => index !== open.index));
    void message.success(t('setup.approvals.stepDeleted', { name: stepLabel(open.step) }));
    setOpen(undefined);
  }

  async function moveStep(from: number, to: number) {
    const step = steps[from];
    if (!step) return;
    setMoving(true);
    clear();
    try {
      await saveWith(moveItem(steps, from, to));
      void message.success(t('setup.approvals.stepMoved', { name: stepLabel(step) }));
    } catch (error) {
      fail(error);
    } finally {
      setMoving(false);
    }
  }

  const openStep = (id: string) => {
    const index = steps.findIndex((step) => step.name === id);
    if (index >= 0) setOpen({ index, step: steps[index] });
  };
  if (existing !== undefined && loaded.isPending) return null;
  if (loaded.error) return <Alert type="error" showIcon role="alert" title={t('setup.approvals.loadFailed', { message: loaded.error.message })} />;

  return (
    <section aria-labelledby="setup-approval-process-title" className="approvals-designer">
      <Link to="/setup/approval-processes" className="setup-back">
        <ArrowLeftOutlined aria-hidden /> {t('setup.approvals.back')}
      </Link>
      <header className="setup-page-header">
        <h2 id="setup-approval-process-title">{title}</h2>
      </header>
      <Form<ProcessDraft>
        key={process?.name ?? 'new'}
        form={form}
        name="process"
        layout="vertical"
        initialValues={processDraft(process, search.get('object') ?? '')}
        onFinish={() => void saveHeader()}
        onValuesChange={(changed: Partial<ProcessDraft>) => {
          if (changed.labelEn !== undefined && existing === undefined && !form.isFieldTouched('name')) form.setFieldValue('name', suggestApiName(changed.labelEn));
        }}
        className="approvals-header-form"
      >
        <div className="setup-form-grid">
          <Form.Item name="labelEn" label={t('setup.approvals.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.approvals.labelRequired') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="labelZh" label={t('setup.approvals.labelZh')}>
            <Input autoComplete="off" lang="zh-CN" />
          </Form.Item>
          <Form.Item name="name" label={t('setup.approvals.apiName')} rules={[{ required: true, message: t('setup.approvals.apiNameRequired') }]}>
            <Input autoComplete="off" spellCheck={false} disabled={existing !== undefined} className="setup-api-name-input" />
          </Form.Item>
          <Form.Item name="object" label={t('setup.approvals.object')} rules={[{ required: true, message: t('setup.approvals.objectRequired') }]}>
            <Select
              disabled={existing !== undefined}
              showSearch={{ optionFilterProp: 'label' }}
              loading={objects.isPending}
              options={(objects.data?.objects ?? []).map((candidate) => ({ value: candidate.name, label: localize(candidate.label, language, candidate.name) }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="entryCriteria" label={t('setup.approvals.entryCriteria')} extra={t('setup.approvals.entryCriteriaHelp')}>
          <CriteriaControl object={object} label={t('setup.approvals.entryCriteria')} />
        </Form.Item>
        <Form.Item name="active" label={t('setup.approvals.active')} valuePropName="checked" extra={t('setup.approvals.activeHelp')}>
          <Switch />
        </Form.Item>
        {object && <ActionLists lists={PROCESS_ACTION_LISTS} object={objectDefinition} objects={objects.data?.objects ?? []} idPrefix="process-actions" />}
        <FormErrorsAlert errors={formErrors} />
        {existing !== undefined && (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('setup.approvals.save')}
          </Button>
        )}
      </Form>

      <div className="approvals-layout">
        {wide && (
          <figure className="approvals-diagram" aria-labelledby="approvals-diagram-title">
            <figcaption id="approvals-diagram-title">{t('setup.approvals.diagram')}</figcaption>
            {machine.data ? (
              <Suspense fallback={<p className="approvals-diagram-loading">{t('setup.approvals.diagramLoading')}</p>}>
                <ProcessDiagram machine={machine.data.machine} conditional={conditional} labelOf={labelOf} path={simulation?.path ?? []} onOpen={openStep} />
              </Suspense>
            ) : (
              <p className="setup-fieldset-help">{t('setup.approvals.diagramAfterSave')}</p>
            )}
          </figure>
        )}
        <div className="approvals-steps">
          <h3 id="approvals-steps-title">{t('setup.approvals.stepList')}</h3>
          <StepList steps={steps} object={object} path={simulation?.path ?? []} labelOf={stepLabel} onEdit={(index) => setOpen({ index, step: steps[index] })} onMove={(from, to) => void moveStep(from, to)} moving={moving} />
          <Button icon={<PlusOutlined />} onClick={() => setOpen({ index: steps.length, step: undefined })}>
            {t('setup.approvals.addStep')}
          </Button>
        </div>
      </div>

      {existing !== undefined && <SimulationPanel process={existing} fields={fields} result={simulation} onResult={setSimulation} />}
      {existing !== undefined && <ProcessVersions process={existing} />}

      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        size={wide ? 560 : '100%'}
        title={open?.step ? t('setup.approvals.editStep', { name: stepLabel(open.step) }) : t('setup.approvals.stepTitleNew')}
        destroyOnHidden
      >
        {open && (
          <StepEditor
            key={`${open.index}:${open.step?.name ?? 'new'}`}
            step={open.step}
            index={open.index}
            object={object}
            onSave={saveStep}
            onDelete={open.step ? deleteStep : undefined}
            onCancel={() => setOpen(undefined)}
          />
        )}
      </Drawer>
    </section>
  );
}
