import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { locate, moveSection, newSection, placeField, removeField, removeSection, setFlag, unplacedFields, updateSection, type LayoutDraft } from './layout-draft';
import { LayoutSection } from './layout-section';

interface LayoutCanvasProps {
  readonly draft: LayoutDraft;
  readonly fields: readonly string[];
  readonly label: (field: string) => string;
  readonly onChange: (draft: LayoutDraft) => void;
}

/**
 * The palette of fields not on the layout and the layout's sections: fields dragged from the
 * palette into a section, within and between sections, and back to the palette (mouse or
 * keyboard: space on a handle, arrows, space), or placed with each section's "Add field" and the
 * move buttons.
 */
export function LayoutCanvas({ draft, fields, label, onChange }: LayoutCanvasProps) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const palette = unplacedFields(draft, fields);

  function dragEnd({ active, over }: DragEndEvent) {
    if (!over) return;
    const field = String(active.id);
    const target = String(over.id);
    if (target === 'palette') return onChange(removeField(draft, field));
    if (target.startsWith('section:')) {
      const section = draft.sections.findIndex((candidate) => `section:${candidate.id}` === target);
      return onChange(placeField(draft, field, section, draft.sections[section]?.fields.length ?? 0));
    }
    const at = locate(draft, target);
    if (at) onChange(placeField(draft, field, at.section, at.index));
  }

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dragEnd}>
      <div className="layout-canvas">
        <Palette fields={palette} label={label} />
        <div className="layout-sections">
          {draft.sections.map((section, index) => (
            <LayoutSection
              key={section.id}
              section={section}
              position={index + 1}
              count={draft.sections.length}
              label={label}
              palette={palette}
              onChange={(patch) => onChange(updateSection(draft, section.id, patch))}
              onAdd={(field) => onChange(placeField(draft, field, index, section.fields.length))}
              onMove={(field, to) => onChange(placeField(draft, field, index, to))}
              onFlag={(field, flag, on) => onChange(setFlag(draft, field, flag, on))}
              onRemoveField={(field) => onChange(removeField(draft, field))}
              onMoveSection={(delta) => onChange(moveSection(draft, section.id, delta))}
              onRemove={() => onChange(removeSection(draft, section.id))}
            />
          ))}
          <Button icon={<PlusOutlined />} onClick={() => onChange({ ...draft, sections: [...draft.sections, newSection()] })}>
            {t('setup.layouts.addSection')}
          </Button>
        </div>
      </div>
    </DndContext>
  );
}

function Palette({ fields, label }: { fields: readonly string[]; label: (field: string) => string }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: 'palette' });
  return (
    <section ref={setNodeRef} className={isOver ? 'layout-palette layout-section-over' : 'layout-palette'} aria-labelledby="layout-palette-title">
      <h4 id="layout-palette-title">{t('setup.layouts.palette')}</h4>
      <p className="setup-fieldset-help">{t('setup.layouts.paletteHelp')}</p>
      {fields.length === 0 ? (
        <p className="setup-empty">{t('setup.layouts.paletteEmpty')}</p>
      ) : (
        <ul className="layout-palette-list">
          {fields.map((field) => (
            <PaletteField key={field} field={field} label={label(field)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PaletteField({ field, label }: { field: string; label: string }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: field });
  return (
    <li ref={setNodeRef} className={isDragging ? 'layout-chip layout-field-dragging' : 'layout-chip'} style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined }}>
      <button type="button" className="layout-chip-handle" {...attributes} {...listeners} aria-label={t('setup.layouts.drag', { field: label })}>
        <HolderOutlined aria-hidden /> {label}
      </button>
    </li>
  );
}
