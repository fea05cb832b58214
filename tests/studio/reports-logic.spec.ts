import { expect } from 'chai';
import { chartData, chartOption, readSideways } from '../../studio/src/app/reports/chart-option';
import { formatCell, formatFigure, type ReportResult } from '../../studio/src/app/reports/report-result';
import { filterCondition, placed } from '../../studio/src/app/dashboards/dashboard-result';
import { newComponent, nudged } from '../../studio/src/app/setup/dashboards/dashboard-draft';
import { EMPTY_REPORT, fieldChoices, measurable, measureKey, reportDefinitionOf, reportDraftOf, reportErrors } from '../../studio/src/app/setup/reports/report-draft';

const money = { key: 'sum:amount', label: 'Sum of Amount', aggregate: 'sum', type: 'currency', scale: 2, currency: 'USD' };
const SUMMARY: ReportResult = {
  report: { name: 'pipeline', label: 'Pipeline', type: 'summary', object: 'deal' },
  groupings: [{ key: 'stage', label: 'Stage', type: 'picklist' }, { key: 'close_date:quarter', label: 'Close date', type: 'date', bucket: 'quarter' }],
  columnGroupings: [],
  columns: [],
  measures: [{ key: 'count', label: 'Record count', aggregate: 'count', type: 'number', scale: 0 }, money],
  omitted: [],
  groups: [
    { key: 'open', label: 'Open', values: { count: 3, 'sum:amount': 30 }, groups: [{ key: '2026-Q1', label: '2026 Q1', values: { count: 1, 'sum:amount': 10 } }, { key: '2026-Q2', label: '2026 Q2', values: { count: 2, 'sum:amount': 20 } }] },
    { key: 'won', label: 'Won', values: { count: 1, 'sum:amount': 5 }, groups: [{ key: '2026-Q2', label: '2026 Q2', values: { count: 1, 'sum:amount': 5 } }] },
  ],
  columnGroups: [],
  cells: [],
  rows: [],
  total: { count: 4, 'sum:amount': 35 },
  truncated: false,
  today: '2026-12-07',
};

describe('web app: reports and dashboards', () => {
  it('draws the first level of a summary, and stacks its second level as series', () => {
    expect(chartData(SUMMARY, money, 'pie')).to.deep.equal({ categories: ['Open', 'Won'], series: [{ name: 'Sum of Amount', values: [30, 5] }] });
    expect(chartData(SUMMARY, money, 'stackedBar')).to.deep.equal({
      categories: ['Open', 'Won'],
      series: [{ name: '2026 Q1', values: [10, null] }, { name: '2026 Q2', values: [20, 5] }],
    });
    const option = chartOption(SUMMARY, { type: 'stackedBar' }, money, { total: 'Total', target: 'Target', format: String }) as { series: { stack?: string; type: string }[] };
    expect(option.series.map((series) => [series.type, series.stack])).to.deep.equal([['bar', 'all'], ['bar', 'all']]);
  });

  it('puts ticks of whole records on a count\'s axis, and leaves a sum\'s axis free', () => {
    const count = SUMMARY.measures[0]!;
    const texts = { total: 'Total', target: 'Target', format: String };
    expect((chartOption(SUMMARY, { type: 'bar' }, count, texts) as { yAxis: { minInterval?: number } }).yAxis.minInterval).to.equal(1);
    expect((chartOption(SUMMARY, { type: 'bar' }, undefined, texts) as { yAxis: { minInterval?: number } }).yAxis.minInterval).to.equal(1);
    expect((chartOption(SUMMARY, { type: 'bar' }, money, texts) as { yAxis: { minInterval?: number } }).yAxis.minInterval).to.equal(undefined);
  });

  it('lays bars of many long names on their side, names on the value axis\'s left, and keeps periods and short names upright', () => {
    const names = ['Bookings 签约额', 'Customer satisfaction 客户满意度', 'Deals won 赢单数', 'Cash collected 回款', 'SLA breaches SLA 违约数'];
    const long: ReportResult = { ...SUMMARY, groups: names.map((label, i) => ({ key: i, label, values: { count: i } })) };
    const option = chartOption(long, { type: 'bar' }, SUMMARY.measures[0], { total: 'Total', target: 'Target', format: String }) as { xAxis: { type: string }; yAxis: { type: string; data: string[]; inverse: boolean } };
    expect([option.xAxis.type, option.yAxis.type, option.yAxis.inverse]).to.deep.equal(['value', 'category', true]);
    expect(option.yAxis.data).to.deep.equal(names);
    expect(readSideways(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'])).to.equal(false);
    expect(readSideways(names.slice(0, 4)), 'four bars have room for their names').to.equal(false);
    expect((chartOption(long, { type: 'line' }, SUMMARY.measures[0], { total: 'Total', target: 'Target', format: String }) as { xAxis: { type: string } }).xAxis.type, 'a line runs along time').to.equal('category');
  });

  it('writes a tabular report\'s numbers grouped, times in local time, and the server\'s labels as they are', () => {
    expect(formatCell(6320000, undefined, 'number', 'en-US')).to.equal('6,320,000');
    expect(formatCell(2914750.64, undefined, 'currency', 'zh-CN')).to.equal('2,914,750.64');
    expect(formatCell(14.6, undefined, 'percent', 'en-US')).to.equal('14.6 %');
    expect(formatCell('2026-12-07T08:55:31.466Z', undefined, 'datetime', 'en-US')).to.match(/^12\/7\/2026, \d{1,2}:\d{2} [AP]M$/);
    expect(formatCell('acc-1', 'Acme', 'lookup', 'en-US')).to.equal('Acme');
    expect(formatCell('2026-12-01', undefined, 'date', 'en-US')).to.equal('2026-12-01');
    expect(formatCell(undefined, undefined, 'number', 'en-US')).to.equal('');
  });

  it('measures a gauge against its target', () => {
    const option = chartOption(SUMMARY, { type: 'gauge', measure: 'sum:amount', target: 100 }, money, { total: 'Total', target: 'Target', format: (value) => `$${value}` }) as { series: { max: number; data: { value: number; name: string }[] }[] };
    expect(option.series[0]!.max).to.equal(100);
    expect(option.series[0]!.data).to.deep.equal([{ value: 35, name: 'Target $100' }]);
  });

  it('writes money in its currency to its scale, in the reader\'s language', () => {
    expect(formatFigure(1234.5, money, 'en-US')).to.equal('$1,234.50');
    expect(formatFigure(1234.5, money, 'zh-CN')).to.equal('US$1,234.50');
    expect(formatFigure(null, money, 'en-US')).to.equal('—');
  });

  it('builds a report definition from the builder\'s draft and back, a relative period kept apart from the conditions', () => {
    const draft = {
      ...EMPTY_REPORT,
      labelEn: 'Pipeline',
      labelZh: '漏斗',
      name: 'pipeline',
      object: 'deal',
      groupings: [{ field: 'stage' }, { field: 'close_date', bucket: 'month' }],
      measures: [{ aggregate: 'count' as const }, { aggregate: 'sum' as const, field: 'amount' }],
      filter: { join: 'and' as const, rows: [{ field: 'stage', operator: 'ne' as const, value: 'lost' }] },
      periodField: 'close_date',
      period: 'this_quarter',
      order: '-sum:amount',
      chartType: 'stackedBar' as const,
    };
    const definition = reportDefinitionOf(draft);
    expect(definition).to.deep.equal({
      name: 'pipeline',
      object: 'deal',
      type: 'summary',
      label: { en: 'Pipeline', 'zh-CN': '漏斗' },
      groupings: [{ field: 'stage', order: '-sum:amount' }, { field: 'close_date', bucket: 'month' }],
      measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }],
      filter: { and: [{ stage: { ne: 'lost' } }, { close_date: { within: 'this_quarter' } }] },
      chart: { type: 'stackedBar' },
    });
    expect(reportDefinitionOf(reportDraftOf(definition))).to.deep.equal(definition);
  });

  it('names measures as the engine does, and offers fields that fit each aggregate', () => {
    expect([measureKey({ aggregate: 'count' }), measureKey({ aggregate: 'sum', field: 'amount' }), measureKey({ aggregate: 'sum', field: 'amount', through: 'deal.account' })]).to.deep.equal(['count', 'sum:amount', 'sum:deal.account.amount']);
    const objects = [
      { name: 'deal', fields: [{ name: 'amount', type: 'currency' }, { name: 'stage', type: 'picklist' }, { name: 'account', type: 'lookup', target: 'account', label: { en: 'Account' } }] },
      { name: 'account', fields: [{ name: 'sector', type: 'picklist', label: { en: 'Sector' } }] },
    ];
    const choices = fieldChoices(objects[0], objects, 'en');
    expect(choices.map((choice) => [choice.path, choice.label])).to.deep.include(['account.sector', 'Account › Sector']);
    expect(choices.filter((choice) => measurable('sum', choice)).map((choice) => choice.path)).to.deep.equal(['amount']);
    expect(reportErrors([{ path: '/definition/groupings/0/field', message: 'x' }, { path: '/measures/1/field', message: 'y' }]).controls).to.deep.equal({ groupings: ['x'], measures: ['y'] });
  });

  it('keeps dashboard components on the grid as they move and grow, and stacks them in reading order', () => {
    const component = { key: 'c1', report: 'pipeline', x: 10, y: 0, w: 2, h: 3 };
    expect(nudged(component, { x: 1 })).to.deep.include({ x: 10 });
    expect(nudged(component, { w: 1 })).to.deep.include({ x: 9, w: 3 });
    expect(nudged(component, { y: -1, h: -5 })).to.deep.include({ y: 0, h: 1 });
    expect(newComponent([component], 'won')).to.deep.equal({ key: 'c2', report: 'won', x: 0, y: 3, w: 6, h: 3 });
    expect(placed([{ ...component, key: 'b', y: 3 }, { ...component, key: 'a', x: 0 }], 12).map((one) => [one.key, one.style.gridColumn])).to.deep.equal([['a', '1 / span 2'], ['b', '11 / span 2']]);
    expect(filterCondition({ name: 'closing', label: '', field: 'close_date', type: 'date', value: null }, 'this_month')).to.deep.equal({ within: 'this_month' });
    expect(filterCondition({ name: 'sector', label: '', field: 'account.sector', type: 'picklist', value: null }, '')).to.equal(null);
  });
});
