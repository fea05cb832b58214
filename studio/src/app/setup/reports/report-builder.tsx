import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { filterableFields } from '../../list/filter/filter-operators';
import { ConditionsControl } from '../conditions-control';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { SetupFormActions } from '../setup-form-actions';
import { useDefinitionEditor } from '../use-definition-editor';
import { FILTER_PERIODS } from '../../dashboards/dashboard-result';
import { CHART_TYPES, EMPTY_REPORT, fieldChoices, isDate, measureKey, reportDefinitionOf, reportDraftOf, reportErrors, type ReportDefinition, type ReportDraft } from './report-draft';
import { ColumnsControl, GroupingsControl, MeasuresControl } from './report-field-controls';
import { ReportPreview } from './report-preview';

interface ReportBuilderProps {
  readonly report?: ReportDefinition;
  readonly etag?: string;
  readonly onSaved: (name: string) => void;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

/**
 * The report builder: the object, the type, fields to group rows and columns by (dragged into
 * order, dates by period), measures, conditions and a relative period, the chart; beside it the
 * report run live on the server as it is being built. Saved whole through the metadata API; the
 * server's problems land on the control that caused them.
 */
export function ReportBuilder({ report, etag, onSaved, onDeleted, onCancel }: ReportBuilderProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const objects = useObjects();
  const [form] = Form.useForm<ReportDraft>();
  const start = report ? reportDraftOf(report) : EMPTY_REPORT;
  const [nameTyped, setNameTyped] = useState(report !== undefined);
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'reports',
    form,
    errorsOf: reportErrors,
    existing: report?.name,
    etag,
    saved: (definition, created) => (created ? t('setup.reports.created', { name: localize(definition.label, language, definition.name) }) : t('setup.reports.saved')),
    deleted: () => t('setup.reports.deleted', { name: localize(report?.label, language, report?.name) }),
    onSaved,
    onDeleted,
  });
  const watched = Form.useWatch((values: Partial<ReportDraft>) => values, { form, preserve: true });
  const draft: ReportDraft = { ...start, ...watched, kept: start.kept };
  const all = objects.data?.objects ?? [];
  const object = all.find((candidate) => candidate.name === draft.object);
  const choices = fieldChoices(object, all, language);
  const dates = choices.filter((choice) => !choice.path.includes('.') && isDate(choice.type));
  const measureOptions = draft.measures.map((measure) => ({ value: `-${measureKey(measure)}`, label: t('setup.reports.orderDescending', { name: t(`setup.reports.aggregates.${measure.aggregate}`) + (measure.field ? ` · ${choices.find((choice) => choice.path === measure.field)?.label ?? measure.field}` : '') }) }));
  const creating = report === undefined;

  return (
    <div className="report-builder">
      <Form<ReportDraft>
        form={form}
        layout="vertical"
        className="report-builder-form"
        initialValues={start}
        onFinish={(values) => void save(reportDefinitionOf({ ...start, ...values, name: report?.name ?? values.name, kept: start.kept }))}
        onValuesChange={(changed: Partial<ReportDraft>) => {
          if (changed.name !== undefined) setNameTyped(true);
          if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
          if (changed.object !== undefined) form.setFieldsValue({ groupings: [], columnGroupings: [], columns: [], measures: [{ aggregate: 'count' }], filter: { join: 'and', rows: [] }, periodField: undefined, order: 'label' });
        }}
      >
        <div className="setup-form-grid">
          <Form.Item name="labelEn" label={t('setup.reports.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.reports.labelRequired') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="labelZh" label={t('setup.reports.labelZh')}>
            <Input autoComplete="off" lang="zh-CN" />
          </Form.Item>
        </div>
        <div className="setup-form-grid">
          <Form.Item name="name" label={t('setup.reports.apiName')} rules={[{ required: true, message: t('setup.reports.apiNameRequired') }]}>
            <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
          </Form.Item>
          <Form.Item name="object" label={t('setup.reports.object')} rules={[{ required: true, message: t('setup.reports.objectRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} disabled={!creating} options={all.map((one) => ({ value: one.name, label: localize(one.pluralLabel ?? one.label, language, one.name) }))} />
          </Form.Item>
        </div>
        <Form.Item name="type" label={t('setup.reports.type')}>
          <Radio.Group optionType="button" options={(['summary', 'matrix', 'tabular'] as const).map((type) => ({ value: type, label: t(`setup.reports.types.${type}`) }))} />
        </Form.Item>
        {draft.type === 'tabular' ? (
          <Form.Item name="columns" label={t('setup.reports.columns')}>
            <ColumnsControl choices={choices} />
          </Form.Item>
        ) : (
          <Form.Item name="groupings" label={t('setup.reports.groupings')} extra={t('setup.reports.groupingsHelp')}>
            <GroupingsControl choices={choices} label={t('setup.reports.groupings')} max={draft.type === 'matrix' ? 2 : 3} />
          </Form.Item>
        )}
        {draft.type === 'matrix' && (
          <Form.Item name="columnGroupings" label={t('setup.reports.columnGroupings')}>
            <GroupingsControl choices={choices} label={t('setup.reports.columnGroupings')} max={2} />
          </Form.Item>
        )}
        <Form.Item name="measures" label={t('setup.reports.measures')}>
          <MeasuresControl choices={choices} />
        </Form.Item>
        {draft.type !== 'tabular' && (
          <Form.Item name="order" label={t('setup.reports.order')}>
            <Select options={[{ value: 'label', label: t('setup.reports.orderLabel') }, ...measureOptions]} />
          </Form.Item>
        )}
        {object && (
          <Form.Item name="filter" label={t('setup.reports.filter')}>
            <ConditionsControl fields={filterableFields(object.fields)} />
          </Form.Item>
        )}
        <div className="setup-form-grid">
          <Form.Item name="periodField" label={t('setup.reports.periodField')}>
            <Select allowClear placeholder={t('setup.reports.anyTime')} options={dates.map((choice) => ({ value: choice.path, label: choice.label }))} />
          </Form.Item>
          {draft.periodField && (
            <Form.Item name="period" label={t('setup.reports.period')}>
              <Select allowClear placeholder={t('setup.reports.anyTime')} options={FILTER_PERIODS.map((period) => ({ value: period, label: t(`dashboards.period.${period}`) }))} />
            </Form.Item>
          )}
        </div>
        <div className="setup-form-grid">
          <Form.Item name="chartType" label={t('setup.reports.chart')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={CHART_TYPES.map((type) => ({ value: type, label: t(`setup.reports.charts.${type}`) }))} />
          </Form.Item>
          <Form.Item name="fiscalYearStartMonth" label={t('setup.reports.fiscalStart')}>
            <InputNumber min={1} max={12} precision={0} className="setup-number-input" />
          </Form.Item>
        </div>
        <FormErrorsAlert errors={formErrors} />
        <SetupFormActions
          busy={busy}
          submit={creating ? t('setup.reports.create') : t('setup.reports.save')}
          cancel={t('setup.reports.cancel')}
          onCancel={onCancel}
          remove={report ? { label: t('setup.reports.delete'), confirm: t('setup.reports.deleteConfirm', { name: localize(report.label, language, report.name) }), onConfirm: remove } : undefined}
        />
      </Form>
      <ReportPreview definition={reportDefinitionOf(draft)} />
    </div>
  );
}
