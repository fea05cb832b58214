import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { moveItem } from './move-item';
import './ordered-list.css';

export interface OrderedItem {
  /** Unique in the list, stable while it is edited (a field's or an object's API name). */
  readonly id: string;
  /** What the item is called in the reader's language: shown, and named by its buttons. */
  readonly name: string;
  /** Shown after the name (its kind, a warning). */
  readonly extra?: ReactNode;
}

interface OrderedListProps<T extends OrderedItem> {
  readonly items: readonly T[];
  readonly onChange: (items: T[]) => void;
  /** The list's accessible name (Columns, Tabs). */
  readonly label: string;
}

/**
 * Items in an order an admin sets (a view's columns, an app's tabs): moved by dragging the handle,
 * by the keyboard on the handle (space, arrows, space) or with the move buttons, and removed.
 */
export function OrderedList<T extends OrderedItem>({ items, onChange, label }: OrderedListProps<T>) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const ids = items.map((item) => item.id);

  function dragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    onChange(moveItem(items, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  }

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dragEnd}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="ordered-list" aria-label={label}>
          {items.map((item, index) => (
            <OrderedLine
              key={item.id}
              item={item}
              first={index === 0}
              last={index === items.length - 1}
              onMove={(to) => onChange(moveItem(items, index, to === 'up' ? index - 1 : index + 1))}
              onRemove={() => onChange(items.filter((_, at) => at !== index))}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

interface OrderedLineProps {
  readonly item: OrderedItem;
  readonly first: boolean;
  readonly last: boolean;
  readonly onMove: (to: 'up' | 'down') => void;
  readonly onRemove: () => void;
}

function OrderedLine({ item, first, last, onMove, onRemove }: OrderedLineProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  const name = item.name;
  return (
    <li ref={setNodeRef} className={isDragging ? 'ordered-item ordered-item-dragging' : 'ordered-item'} style={{ transform: CSS.Transform.toString(transform), transition }}>
      <button type="button" ref={setActivatorNodeRef} className="picklist-value-handle" {...attributes} {...listeners} aria-label={t('setup.orderedList.drag', { name })}>
        <HolderOutlined aria-hidden />
      </button>
      <span className="ordered-item-name">
        {name}
        {item.extra}
      </span>
      <span className="ordered-item-actions">
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={first} onClick={() => onMove('up')} aria-label={t('setup.orderedList.moveUp', { name })} />
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={last} onClick={() => onMove('down')} aria-label={t('setup.orderedList.moveDown', { name })} />
        <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('setup.orderedList.remove', { name })} />
      </span>
    </li>
  );
}
