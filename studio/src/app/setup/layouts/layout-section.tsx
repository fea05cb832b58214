import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlacedField, SectionDraft } from './layout-draft';

interface LayoutSectionProps {
  readonly section: SectionDraft;
  readonly position: number;
  readonly count: number;
  /** The label of a field by its API name, in the reader's language. */
  readonly label: (field: string) => string;
  readonly palette: readonly string[];
  readonly onChange: (patch: Partial<Omit<SectionDraft, 'id' | 'fields'>>) => void;
  readonly onAdd: (field: string) => void;
  readonly onMove: (field: string, index: number) => void;
  readonly onFlag: (field: string, flag: 'required' | 'readOnly', on: boolean) => void;
  readonly onRemoveField: (field: string) => void;
  readonly onMoveSection: (delta: -1 | 1) => void;
  readonly onRemove: () => void;
}

/** One section: its titles and columns, its fields in order (dragged, or moved with buttons), and "Add field" from the palette. */
export function LayoutSection({ section, position, count, label, palette, onChange, onAdd, onMove, onFlag, onRemoveField, onMoveSection, onRemove }: LayoutSectionProps) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `section:${section.id}` });
  return (
    <fieldset className={isOver ? 'layout-section layout-section-over' : 'layout-section'} aria-label={t('setup.layouts.section', { position })}>
      <div className="layout-section-head">
        <Input value={section.titleEn} placeholder={t('setup.layouts.sectionTitleEn')} aria-label={`${t('setup.layouts.sectionTitleEn')} ${position}`} onChange={(event) => onChange({ titleEn: event.target.value })} />
        <Input value={section.titleZh} lang="zh-CN" placeholder={t('setup.layouts.sectionTitleZh')} aria-label={`${t('setup.layouts.sectionTitleZh')} ${position}`} onChange={(event) => onChange({ titleZh: event.target.value })} />
        <Radio.Group
          optionType="button"
          size="small"
          value={section.columns}
          aria-label={`${t('setup.layouts.columns')} ${position}`}
          onChange={(event) => onChange({ columns: event.target.value as 1 | 2 })}
          options={[
            { value: 1, label: t('setup.layouts.oneColumn') },
            { value: 2, label: t('setup.layouts.twoColumns') },
          ]}
        />
        <span className="layout-section-actions">
          <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={position === 1} onClick={() => onMoveSection(-1)} aria-label={t('setup.layouts.sectionUp', { position })} />
          <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={position === count} onClick={() => onMoveSection(1)} aria-label={t('setup.layouts.sectionDown', { position })} />
          <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('setup.layouts.removeSection', { position })} />
        </span>
      </div>
      <SortableContext id={section.id} items={section.fields.map((placed) => placed.field)} strategy={verticalListSortingStrategy}>
        <ol ref={setNodeRef} className={section.columns === 2 ? 'layout-fields layout-fields-two' : 'layout-fields'}>
          {section.fields.map((placed, index) => (
            <PlacedFieldLine
              key={placed.field}
              placed={placed}
              label={label(placed.field)}
              first={index === 0}
              last={index === section.fields.length - 1}
              onMove={(delta) => onMove(placed.field, index + delta)}
              onFlag={(flag, on) => onFlag(placed.field, flag, on)}
              onRemove={() => onRemoveField(placed.field)}
            />
          ))}
          {section.fields.length === 0 && <li className="layout-empty">{t('setup.layouts.emptySection')}</li>}
        </ol>
      </SortableContext>
      {palette.length > 0 && (
        <Select
          className="layout-add-field"
          value={null}
          placeholder={t('setup.layouts.addField')}
          aria-label={`${t('setup.layouts.addField')} ${position}`}
          showSearch={{ optionFilterProp: 'label' }}
          options={palette.map((field) => ({ value: field, label: label(field) }))}
          onChange={(field: string) => onAdd(field)}
        />
      )}
    </fieldset>
  );
}

interface PlacedFieldLineProps {
  readonly placed: PlacedField;
  readonly label: string;
  readonly first: boolean;
  readonly last: boolean;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onFlag: (flag: 'required' | 'readOnly', on: boolean) => void;
  readonly onRemove: () => void;
}

function PlacedFieldLine({ placed, label, first, last, onMove, onFlag, onRemove }: PlacedFieldLineProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: placed.field });
  return (
    <li ref={setNodeRef} className={isDragging ? 'layout-field layout-field-dragging' : 'layout-field'} style={{ transform: CSS.Transform.toString(transform), transition }}>
      <button type="button" ref={setActivatorNodeRef} className="picklist-value-handle" {...attributes} {...listeners} aria-label={t('setup.layouts.drag', { field: label })}>
        <HolderOutlined aria-hidden />
      </button>
      <span className="layout-field-label">{label}</span>
      <Checkbox checked={placed.required} onChange={(event) => onFlag('required', event.target.checked)} aria-label={`${label}: ${t('setup.layouts.required')}`}>
        {t('setup.layouts.required')}
      </Checkbox>
      <Checkbox checked={placed.readOnly} onChange={(event) => onFlag('readOnly', event.target.checked)} aria-label={`${label}: ${t('setup.layouts.readOnly')}`}>
        {t('setup.layouts.readOnly')}
      </Checkbox>
      <span className="layout-field-actions">
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={first} onClick={() => onMove(-1)} aria-label={t('setup.layouts.moveUp', { field: label })} />
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={last} onClick={() => onMove(1)} aria-label={t('setup.layouts.moveDown', { field: label })} />
        <Button type="text" size="small" icon={<CloseOutlined />} onClick={onRemove} aria-label={t('setup.layouts.remove', { field: label })} />
      </span>
    </li>
  );
}
