import { ArrowDownOutlined, ArrowLeftOutlined, ArrowRightOutlined, ArrowUpOutlined, ColumnWidthOutlined, DeleteOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { DndContext, PointerSensor, useDraggable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { Button, Select, Tooltip } from 'antd';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartType } from '../../reports/report-result';
import { CHART_TYPES } from '../reports/report-draft';
import { GRID_COLUMNS, newComponent, nudged, type ComponentDefinition } from './dashboard-draft';

const ROW = 56;

interface LayoutControlProps {
  readonly id?: string;
  readonly value?: readonly ComponentDefinition[];
  readonly onChange?: (value: ComponentDefinition[]) => void;
  readonly reports: readonly { value: string; label: string }[];
}

/**
 * The dashboard's grid as the admin lays it out: a component per report, dragged to its place with
 * the pointer, or moved and resized a cell at a time with its buttons (which the keyboard reaches);
 * its report and chart picked on it. On a narrow screen the grid keeps its columns and scrolls.
 */
export function DashboardLayoutControl({ id, value = [], onChange, reports }: LayoutControlProps) {
  const { t } = useTranslation();
  const grid = useRef<HTMLDivElement>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const set = (index: number, component: ComponentDefinition) => onChange?.(value.map((one, at) => (at === index ? component : one)));

  function dragEnd({ active, delta }: DragEndEvent) {
    const index = value.findIndex((component) => component.key === active.id);
    const width = grid.current?.clientWidth ?? 0;
    if (index === -1 || width === 0) return;
    set(index, nudged(value[index]!, { x: Math.round(delta.x / (width / GRID_COLUMNS)), y: Math.round(delta.y / ROW) }));
  }

  const rows = value.reduce((bottom, component) => Math.max(bottom, component.y + component.h), 1);
  return (
    <div className="dashboard-layout" id={id}>
      <div className="dashboard-layout-scroll">
        <DndContext sensors={sensors} onDragEnd={dragEnd}>
          <div ref={grid} className="dashboard-layout-grid" style={{ gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, ${ROW}px)` }}>
            {value.map((component, index) => (
              <LayoutCell key={component.key} component={component} reports={reports} onChange={(next) => set(index, next)} onRemove={() => onChange?.(value.filter((_, at) => at !== index))} />
            ))}
          </div>
        </DndContext>
      </div>
      <Select
        className="dashboard-layout-add"
        value={null}
        placeholder={t('setup.dashboards.addComponent')}
        aria-label={t('setup.dashboards.addComponent')}
        showSearch={{ optionFilterProp: 'label' }}
        options={[...reports]}
        onChange={(report: string) => onChange?.([...value, newComponent(value, report)])}
      />
    </div>
  );
}

interface LayoutCellProps {
  readonly component: ComponentDefinition;
  readonly reports: readonly { value: string; label: string }[];
  readonly onChange: (component: ComponentDefinition) => void;
  readonly onRemove: () => void;
}

function LayoutCell({ component, reports, onChange, onRemove }: LayoutCellProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: component.key });
  const name = reports.find((report) => report.value === component.report)?.label ?? component.report;
  const step = (change: Partial<Record<'x' | 'y' | 'w' | 'h', number>>, label: string, icon: ReactNode) => (
    <Tooltip title={label}>
      <Button size="small" type="text" icon={icon} aria-label={`${label}: ${name}`} onClick={() => onChange(nudged(component, change))} />
    </Tooltip>
  );
  return (
    <div
      ref={setNodeRef}
      className={isDragging ? 'dashboard-layout-cell dragging' : 'dashboard-layout-cell'}
      style={{ gridColumn: `${component.x + 1} / span ${component.w}`, gridRow: `${component.y + 1} / span ${component.h}`, ...(transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : {}) }}
      role="group"
      aria-label={name}
    >
      <div className="dashboard-layout-handle" {...listeners} {...attributes} tabIndex={-1} aria-hidden="true">
        {name}
      </div>
      <div className="dashboard-layout-fields">
        <Select size="small" value={component.report} aria-label={t('setup.dashboards.report', { name })} options={[...reports]} onChange={(report: string) => onChange({ ...component, report })} showSearch={{ optionFilterProp: 'label' }} />
        <Select
          size="small"
          value={component.chart?.type ?? null}
          placeholder={t('setup.dashboards.reportChart')}
          allowClear
          aria-label={t('setup.dashboards.chart', { name })}
          options={CHART_TYPES.map((type) => ({ value: type, label: t(`setup.reports.charts.${type}`) }))}
          onChange={(type: ChartType | undefined) => {
            const { chart: _chart, ...rest } = component;
            onChange(type ? { ...rest, chart: { type } } : rest);
          }}
        />
      </div>
      <div className="dashboard-layout-buttons">
        {step({ x: -1 }, t('setup.dashboards.left'), <ArrowLeftOutlined />)}
        {step({ x: 1 }, t('setup.dashboards.right'), <ArrowRightOutlined />)}
        {step({ y: -1 }, t('setup.dashboards.up'), <ArrowUpOutlined />)}
        {step({ y: 1 }, t('setup.dashboards.down'), <ArrowDownOutlined />)}
        {step({ w: 1 }, t('setup.dashboards.wider'), <ColumnWidthOutlined />)}
        {step({ w: -1 }, t('setup.dashboards.narrower'), <MinusOutlined />)}
        {step({ h: 1 }, t('setup.dashboards.taller'), <PlusOutlined />)}
        {step({ h: -1 }, t('setup.dashboards.shorter'), <MinusOutlined rotate={90} />)}
        <Tooltip title={t('setup.dashboards.remove')}>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t('setup.dashboards.remove')}: ${name}`} onClick={onRemove} />
        </Tooltip>
      </div>
    </div>
  );
}
