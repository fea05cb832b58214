import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrderedList } from '../ordered-list';
import { AGGREGATES, BUCKETS, groupable, isDate, measurable, type Aggregate, type FieldChoice, type GroupingDefinition, type MeasureDefinition } from './report-draft';

const labelOf = (choices: readonly FieldChoice[], path: string) => choices.find((choice) => choice.path === path)?.label ?? path;

interface GroupingsControlProps {
  readonly id?: string;
  readonly value?: readonly GroupingDefinition[];
  readonly onChange?: (value: GroupingDefinition[]) => void;
  readonly choices: readonly FieldChoice[];
  readonly label: string;
  readonly max: number;
}

/**
 * The group levels of a report, outermost first: fields added from a picker, ordered by dragging
 * the handle (or the keyboard on it, or the arrow buttons), a date's period picked beside it.
 */
export function GroupingsControl({ id, value = [], onChange, choices, label, max }: GroupingsControlProps) {
  const { t } = useTranslation();
  const items = value.map((grouping, index) => {
    const choice = choices.find((one) => one.path === grouping.field);
    const name = labelOf(choices, grouping.field);
    return {
      id: grouping.field,
      name,
      grouping,
      extra: isDate(choice?.type) ? (
        <Select
          size="small"
          className="report-bucket"
          style={{ width: 130, flex: 'none' }}
          showSearch={{ optionFilterProp: 'label' }}
          value={grouping.bucket ?? (choice?.type === 'date' ? 'day' : 'month')}
          aria-label={t('setup.reports.bucket', { name })}
          options={BUCKETS.map((bucket) => ({ value: bucket, label: t(`setup.reports.buckets.${bucket}`) }))}
          onChange={(bucket: string) => onChange?.(value.map((one, at) => (at === index ? { field: one.field, bucket } : one)))}
        />
      ) : undefined,
    };
  });
  return (
    <div className="ordered-control">
      <OrderedList items={items} label={label} onChange={(next) => onChange?.(next.map((item) => item.grouping))} />
      {value.length < max && (
        <Select
          id={id}
          className="ordered-control-add"
          value={null}
          placeholder={t('setup.reports.addGrouping')}
          aria-label={`${label}: ${t('setup.reports.addGrouping')}`}
          showSearch={{ optionFilterProp: 'label' }}
          options={choices.filter((choice) => groupable(choice) && !value.some((one) => one.field === choice.path)).map((choice) => ({ value: choice.path, label: choice.label }))}
          onChange={(path: string) => {
            const type = choices.find((choice) => choice.path === path)?.type;
            onChange?.([...value, type === 'datetime' ? { field: path, bucket: 'month' } : { field: path }]);
          }}
        />
      )}
    </div>
  );
}

interface ColumnsControlProps {
  readonly id?: string;
  readonly value?: readonly string[];
  readonly onChange?: (value: string[]) => void;
  readonly choices: readonly FieldChoice[];
}

/** A tabular report's columns, left to right, parents' fields among them. */
export function ColumnsControl({ id, value = [], onChange, choices }: ColumnsControlProps) {
  const { t } = useTranslation();
  return (
    <div className="ordered-control">
      <OrderedList items={value.map((path) => ({ id: path, name: labelOf(choices, path) }))} label={t('setup.reports.columns')} onChange={(next) => onChange?.(next.map((item) => item.id))} />
      <Select
        id={id}
        className="ordered-control-add"
        value={null}
        placeholder={t('setup.reports.addColumn')}
        aria-label={t('setup.reports.addColumn')}
        showSearch={{ optionFilterProp: 'label' }}
        options={choices.filter((choice) => !value.includes(choice.path)).map((choice) => ({ value: choice.path, label: choice.label }))}
        onChange={(path: string) => onChange?.([...value, path])}
      />
    </div>
  );
}

interface MeasuresControlProps {
  readonly id?: string;
  readonly value?: readonly MeasureDefinition[];
  readonly onChange?: (value: MeasureDefinition[]) => void;
  readonly choices: readonly FieldChoice[];
}

/** The measures: each an aggregate and, but for the count, a field whose type fits it. */
export function MeasuresControl({ id, value = [], onChange, choices }: MeasuresControlProps) {
  const { t } = useTranslation();
  const set = (index: number, measure: MeasureDefinition) => onChange?.(value.map((one, at) => (at === index ? measure : one)));
  return (
    <div className="report-measures" id={id}>
      {value.map((measure, index) => {
        const position = String(index + 1);
        const fields = choices.filter((choice) => measurable(measure.aggregate, choice));
        return (
          <div key={index} className="report-measure">
            <Select
              className="report-measure-aggregate"
              style={{ width: 160, flex: 'none' }}
              value={measure.aggregate}
              aria-label={t('setup.reports.aggregate', { position })}
              options={AGGREGATES.map((aggregate) => ({ value: aggregate, label: t(`setup.reports.aggregates.${aggregate}`) }))}
              onChange={(aggregate: Aggregate) => {
                const keeps = measure.field !== undefined && fields.some((choice) => choice.path === measure.field) && choices.some((choice) => choice.path === measure.field && measurable(aggregate, choice));
                set(index, aggregate === 'count' ? { aggregate } : { aggregate, ...(keeps ? { field: measure.field! } : {}) });
              }}
            />
            {measure.aggregate !== 'count' && (
              <Select
                className="report-measure-field"
                style={{ flex: 1, minWidth: 160 }}
                value={measure.field ?? null}
                aria-label={t('setup.reports.measureField', { position })}
                showSearch={{ optionFilterProp: 'label' }}
                options={fields.map((choice) => ({ value: choice.path, label: choice.label }))}
                onChange={(field: string) => set(index, { aggregate: measure.aggregate, field })}
              />
            )}
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('setup.reports.removeMeasure', { position })} disabled={value.length === 1} onClick={() => onChange?.(value.filter((_, at) => at !== index))} />
          </div>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={() => onChange?.([...value, { aggregate: 'sum' }])} disabled={value.length >= 10}>
        {t('setup.reports.addMeasure')}
      </Button>
    </div>
  );
}
