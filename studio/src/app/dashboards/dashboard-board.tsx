import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { ReportView } from '../reports/report-view';
import { filterChoice, filterCondition, FILTER_PERIODS, placed, type DashboardFilterState, type DashboardResult } from './dashboard-result';
import './dashboards.css';

/** Height of one grid row in pixels; a component's chart fills its rows less its title. */
const ROW = 96;

/**
 * A dashboard run for the reader: its filters (a period for dates, a value otherwise) applied to
 * every component whose report has the field, refresh, and the components on their grid, which
 * stack in reading order on a narrow screen.
 */
export function DashboardBoard({ name, headingLevel = 1 }: { readonly name: string; readonly headingLevel?: 1 | 2 }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const run = useQuery({
    queryKey: ['dashboard', name, filters, language],
    queryFn: () => api<DashboardResult>(`/dashboards/${encodeURIComponent(name)}/run`, { method: 'POST', body: { filters } }),
  });
  const data = run.data;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const time = data ? new Date(data.refreshedAt).toLocaleTimeString(language === 'en' ? 'en-US' : language) : '';
  const label = (text: string) => fromServer(text, language);
  const navigate = useNavigate();
  // The records behind a group: the drill-down's filter (the report's, the dashboard's and the group's) opens the object's list.
  const drill = async (report: string, object: string, keys: readonly unknown[], filteredBy: readonly string[]) => {
    const where = Object.fromEntries((data?.filters ?? []).filter((filter) => filteredBy.includes(filter.name)).map((filter) => [filter.field, filter.value]));
    const answer = await api<{ filter: unknown }>(`/reports/${encodeURIComponent(report)}/drill`, { method: 'POST', body: { row: keys, where, limit: 1 } });
    void navigate(`/o/${object}?filter=${encodeURIComponent(JSON.stringify(answer.filter))}`);
  };

  return (
    <section className="dashboard" aria-labelledby={`dashboard-${name}`}>
      <header className="dashboard-header">
        <Heading id={`dashboard-${name}`} className="page-title">{data ? label(data.dashboard.label) : name}</Heading>
        <div className="dashboard-actions">
          {data && <span className="dashboard-refreshed">{t('dashboards.refreshed', { time })}</span>}
          <Button icon={<ReloadOutlined />} loading={run.isFetching} onClick={() => void run.refetch()}>
            {t('dashboards.refresh')}
          </Button>
        </div>
      </header>
      {data && data.filters.length > 0 && (
        <div className="dashboard-filters" role="group" aria-label={t('dashboards.filters')}>
          {data.filters.map((filter) => (
            <FilterControl key={filter.name} filter={{ ...filter, label: label(filter.label) }} onChange={(value) => setFilters({ ...filters, [filter.name]: value })} />
          ))}
        </div>
      )}
      {run.error && <Alert type="error" showIcon role="alert" title={t('dashboards.loadFailed', { message: run.error.message })} />}
      {run.isPending && <Spin className="page-spinner" />}
      {data && (
        <div className="dashboard-grid" style={{ gridTemplateColumns: `repeat(${data.dashboard.columns}, minmax(0, 1fr))`, gridAutoRows: `${ROW}px` }}>
          {placed(data.components, data.dashboard.columns).map((component) => (
            <Card key={component.key} size="small" className="dashboard-component" style={component.style} title={<h3 className="dashboard-component-title">{label(component.title)}</h3>}>
              {component.error && <Alert type="warning" showIcon title={label(component.error.message)} />}
              {component.result && (
                // The figures may be wider or taller than the component: its scrolling area takes the
                // keyboard's focus, so that it scrolls without a mouse (axe's scrollable-region-focusable).
                <div className="dashboard-component-content" tabIndex={0} role="region" aria-label={label(component.title)}>
                  <ReportView
                    result={component.result}
                    chart={component.chart}
                    {...(component.previous ? { previous: component.previous } : {})}
                    height={Math.max(component.h * ROW - 90, 120)}
                    onDrill={(keys) => void drill(component.result!.report.name, component.result!.report.object, keys, component.filteredBy)}
                  />
                </div>
              )}
            </Card>
          ))}
        </div>
      )}
    </section>
  );
}

function FilterControl({ filter, onChange }: { filter: DashboardFilterState; onChange: (value: unknown) => void }) {
  const { t } = useTranslation();
  const choice = filterChoice(filter);
  const id = `dashboard-filter-${filter.name}`;
  const dated = filter.type === 'date' || filter.type === 'datetime';
  return (
    <label className="dashboard-filter" htmlFor={id}>
      <span>{filter.label}</span>
      {dated ? (
        <Select
          id={id}
          allowClear
          value={choice ?? null}
          placeholder={t('dashboards.any')}
          aria-label={filter.label}
          className="dashboard-filter-input"
          options={FILTER_PERIODS.map((period) => ({ value: period, label: t(`dashboards.period.${period}`) }))}
          onChange={(value: string | null) => onChange(filterCondition(filter, value ?? undefined))}
        />
      ) : (
        <Input.Search id={id} allowClear defaultValue={choice} placeholder={t('dashboards.any')} enterButton={t('dashboards.apply')} className="dashboard-filter-input" onSearch={(value) => onChange(filterCondition(filter, value))} />
      )}
    </label>
  );
}
