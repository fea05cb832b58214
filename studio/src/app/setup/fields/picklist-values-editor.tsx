import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { moveValue, suggestValue, type PicklistValueDraft } from './picklist-values';

interface PicklistValuesEditorProps {
  readonly value?: readonly PicklistValueDraft[];
  readonly onChange?: (values: PicklistValueDraft[]) => void;
  /** Values already stored on records keep their stored value: only new lines may change it. */
  readonly saved: readonly string[];
}

/**
 * A picklist's values, one line each (stored value, labels in both languages, active), reordered
 * by dragging the handle, by the keyboard on the handle (space, arrows, space) or with the move
 * buttons. A Form.Item passes value and onChange.
 */
export function PicklistValuesEditor({ value = [], onChange, saved }: PicklistValuesEditorProps) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  // Lines are keyed by position at mount: a stored value may be blank while typed.
  const ids = value.map((_, index) => `value-${index}`);
  const change = (next: PicklistValueDraft[]) => onChange?.(next);
  const update = (index: number, patch: Partial<PicklistValueDraft>) => change(value.map((line, at) => (at === index ? { ...line, ...patch } : line)));

  function dragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    change(moveValue(value, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  }

  return (
    <div className="picklist-values">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dragEnd}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="picklist-value-list">
            {value.map((line, index) => (
              <ValueLine
                key={ids[index]}
                id={ids[index]!}
                line={line}
                position={index + 1}
                locked={saved.includes(line.value)}
                others={value.filter((_, at) => at !== index).map((other) => other.value)}
                first={index === 0}
                last={index === value.length - 1}
                onChange={(patch) => update(index, patch)}
                onMove={(to) => change(moveValue(value, index, to))}
                onRemove={() => change(value.filter((_, at) => at !== index))}
                index={index}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <Button icon={<PlusOutlined />} onClick={() => change([...value, { value: '', labelEn: '', labelZh: '', active: true }])}>
        {t('setup.fieldEditor.addValue')}
      </Button>
    </div>
  );
}

interface ValueLineProps {
  readonly id: string;
  readonly line: PicklistValueDraft;
  readonly position: number;
  readonly index: number;
  readonly locked: boolean;
  /** The other lines' stored values, which a suggested one must not repeat. */
  readonly others: readonly string[];
  readonly first: boolean;
  readonly last: boolean;
  readonly onChange: (patch: Partial<PicklistValueDraft>) => void;
  readonly onMove: (to: number) => void;
  readonly onRemove: () => void;
}

function ValueLine({ id, line, position, index, locked, others, first, last, onChange, onMove, onRemove }: ValueLineProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const name = line.labelEn || line.value || t('setup.fieldEditor.valueRow', { position });
  return (
    <li ref={setNodeRef} className={isDragging ? 'picklist-value picklist-value-dragging' : 'picklist-value'} style={{ transform: CSS.Transform.toString(transform), transition }} aria-label={t('setup.fieldEditor.valueRow', { position })}>
      <button type="button" ref={setActivatorNodeRef} className="picklist-value-handle" {...attributes} {...listeners} aria-label={t('setup.fieldEditor.dragValue', { value: name })}>
        <HolderOutlined aria-hidden />
      </button>
      <Input
        className="picklist-value-label"
        value={line.labelEn}
        placeholder={t('setup.fieldEditor.valueLabelEn')}
        aria-label={`${t('setup.fieldEditor.valueLabelEn')} ${position}`}
        onChange={(event) => onChange({ labelEn: event.target.value, ...(locked ? {} : { value: suggestValue(event.target.value, others) }) })}
      />
      <Input
        className="picklist-value-label"
        lang="zh-CN"
        value={line.labelZh}
        placeholder={t('setup.fieldEditor.valueLabelZh')}
        aria-label={`${t('setup.fieldEditor.valueLabelZh')} ${position}`}
        onChange={(event) => onChange({ labelZh: event.target.value })}
      />
      <Input
        className="picklist-value-value setup-api-name-input"
        value={line.value}
        disabled={locked}
        spellCheck={false}
        placeholder={t('setup.fieldEditor.value')}
        aria-label={`${t('setup.fieldEditor.value')} ${position}`}
        onChange={(event) => onChange({ value: event.target.value })}
      />
      <span className="picklist-value-active">
        <Switch size="small" checked={line.active} onChange={(active) => onChange({ active })} aria-label={`${t('setup.fieldEditor.active')} ${name}`} />
      </span>
      <span className="picklist-value-actions">
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={first} onClick={() => onMove(index - 1)} aria-label={t('setup.fieldEditor.moveUp', { value: name })} />
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={last} onClick={() => onMove(index + 1)} aria-label={t('setup.fieldEditor.moveDown', { value: name })} />
        <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={locked} onClick={onRemove} aria-label={t('setup.fieldEditor.removeValue', { value: name })} />
      </span>
    </li>
  );
}
