import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Spin } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { chartOption } from './chart-option';
import { FiguresTable } from './figures-table';
import { chartMeasure, formatFigure, type Figures, type MeasureInfo, type ReportChart as ChartSpec, type ReportResult } from './report-result';

/** echarts is a chunk of its own, loaded by the first chart shown. */
const ReportChart = lazy(() => import('./report-chart').then((module) => ({ default: module.ReportChart })));

interface ReportViewProps {
  readonly result: ReportResult;
  readonly chart: ChartSpec;
  /** Single numbers: the previous period's totals. */
  readonly previous?: Figures;
  readonly height?: number;
  /** Opens the records behind a group (its keys from the outermost level); none: figures do not drill. */
  readonly onDrill?: (keys: readonly unknown[]) => void;
}

/**
 * A report's result as its chart says: a chart with its figures in a table for screen readers (and
 * on request for everyone), a single number with its change from the previous period, or a table.
 * Texts the server wrote in zh-CN are converted for 繁中 readers.
 */
export function ReportView({ result, chart, previous, height = 260, onDrill }: ReportViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [showFigures, setShowFigures] = useState(false);
  const locale = language === 'en' ? 'en-US' : language;
  const translated = useMemo(() => traditional(result, language), [result, language]);
  const measure = chartMeasure(translated, chart);
  const format = (value: number | string | null | undefined, of: MeasureInfo | undefined = measure) => formatFigure(value, of, locale);
  const option = useMemo(
    () => chartOption(translated, chart, measure, { total: t('reports.total'), target: t('reports.target'), format: (value) => format(value) }),
    // `format` follows the measure and the locale, which are here.
    [translated, chart, measure, locale, t],
  );
  const omitted = translated.omitted.length > 0 && <Alert type="info" showIcon className="report-omitted" title={t('reports.omitted', { names: translated.omitted.map((one) => one.name).join(', ') })} />;
  const drillable = onDrill && translated.report.type !== 'tabular' ? onDrill : undefined;
  const table = (visible: boolean) => (
    <FiguresTable
      result={translated}
      caption={translated.report.label}
      totalLabel={t('reports.total')}
      format={format}
      locale={locale}
      visible={visible}
      // Buttons only where they are seen: a hidden table's would take the keyboard's focus out of sight.
      {...(drillable && visible ? { onDrill: (keys: readonly unknown[]) => drillable(keys), drillLabel: (label: string) => t('reports.drill', { label }) } : {})}
    />
  );

  if (chart.type === 'table') return <div className="report-view">{omitted}{table(true)}</div>;
  if (chart.type === 'number') {
    const value = translated.total[measure?.key ?? 'count'];
    const before = previous?.[measure?.key ?? 'count'];
    const change = typeof value === 'number' && typeof before === 'number' && before !== 0 ? (value - before) / Math.abs(before) : undefined;
    return (
      <div className="report-view report-number">
        {omitted}
        <p className="report-number-value">{format(value)}</p>
        <p className="report-number-label">{measure?.label}</p>
        {previous && (
          <p className={`report-number-change ${change !== undefined && change < 0 ? 'down' : 'up'}`}>
            {change !== undefined && (change < 0 ? <ArrowDownOutlined aria-hidden /> : <ArrowUpOutlined aria-hidden />)}{' '}
            {change === undefined ? t('reports.previousOnly', { value: format(before) }) : t('reports.change', { percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'always' }).format(change), value: format(before) })}
          </p>
        )}
      </div>
    );
  }
  // An empty chart is an empty frame: say that nothing matched instead (a gauge still shows its zero against the target).
  if (translated.groups.length === 0 && chart.type !== 'gauge') {
    return (
      <div className="report-view">
        {omitted}
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.noGroups')} />
      </div>
    );
  }
  return (
    <div className="report-view">
      {omitted}
      <Suspense fallback={<Spin className="report-chart-loading" />}>
        <ReportChart
          option={option}
          locale={language === 'en' ? 'EN' : 'ZH'}
          height={height}
          {...(drillable ? { onPick: (index: number) => translated.groups[index] && drillable([translated.groups[index]!.key]) } : {})}
        />
      </Suspense>
      {table(showFigures)}
      <Button type="link" size="small" className="report-figures-toggle" aria-pressed={showFigures} onClick={() => setShowFigures(!showFigures)}>
        {showFigures ? t('reports.hideFigures') : t('reports.showFigures')}
      </Button>
    </div>
  );
}

/** The result's server texts (labels, group names) in Traditional characters for 繁中 readers. */
function traditional(result: ReportResult, language: ReturnType<typeof useLanguage>): ReportResult {
  if (language !== 'zh-TW') return result;
  const convert = (text: string) => fromServer(text, language);
  const node = (group: ReportResult['groups'][number]): ReportResult['groups'][number] => ({ ...group, label: convert(group.label), ...(group.groups ? { groups: group.groups.map(node) } : {}) });
  return {
    ...result,
    report: { ...result.report, label: convert(result.report.label) },
    groupings: result.groupings.map((level) => ({ ...level, label: convert(level.label) })),
    columnGroupings: result.columnGroupings.map((level) => ({ ...level, label: convert(level.label) })),
    columns: result.columns.map((level) => ({ ...level, label: convert(level.label) })),
    measures: result.measures.map((one) => ({ ...one, label: convert(one.label) })),
    groups: result.groups.map(node),
    columnGroups: result.columnGroups.map(node),
  };
}
