import { useState, type ReactNode } from 'react';
import type { FieldDefinition, ObjectDefinition } from '../../../shared/metadata/object-definition';
import type { RecordLike } from '../../../shared/metadata/record-value';
import { CellEditor } from './cell-editor';

export interface EditableCellProps {
  readonly object: ObjectDefinition;
  readonly field: FieldDefinition;
  readonly record: RecordLike;
  readonly editable: boolean;
  /** The field's label and the edit button's, worked out once per column rather than in every cell. */
  readonly label: string;
  readonly editLabel: string;
  /** The value as the list shows it. */
  readonly children: ReactNode;
}

/**
 * antd's EditOutlined (its path in @ant-design/icons-svg) as a bare SVG: the icon component
 * (context, style hooks) in every cell cost more than the rest of the cell.
 */
const PENCIL =
  'M257.7 752c2 0 4-.2 6-.5L431.9 722c2-.4 3.9-1.3 5.3-2.8l423.9-423.9a9.96 9.96 0 000-14.1L694.9 114.9c-1.9-1.9-4.4-2.9-7.1-2.9s-5.2 1-7.1 2.9L256.8 538.8c-1.5 1.5-2.4 3.3-2.8 5.3l-29.5 168.2a33.5 33.5 0 009.4 29.8c6.6 6.4 14.9 9.9 23.8 9.9zm67.4-174.4L687.8 215l73.3 73.3-362.7 362.6-88.9 15.7 15.6-89zM880 836H144c-17.7 0-32 14.3-32 32v36c0 4.4 3.6 8 8 8h784c4.4 0 8-3.6 8-8v-36c0-17.7-14.3-32-32-32z';

/**
 * A list cell that edits in place (double-click, or its edit button then Enter). The cell itself
 * is as light as it can be (no hooks but its state, a plain button): a table renders hundreds of
 * them, and a virtual table mounts new ones on every frame of a scroll. The editor, with its
 * translations and the server's refusals, mounts only while editing.
 */
export function EditableCell({ object, field, record, editable, label, editLabel, children }: EditableCellProps) {
  const [editing, setEditing] = useState(false);
  const start = () => {
    if (editable) setEditing(true);
  };

  if (editing) return <CellEditor object={object} field={field} record={record} label={label} onClose={() => setEditing(false)} />;
  return (
    <div className="cell-editable" onDoubleClick={start}>
      <span className="cell-value">{children}</span>
      {/* A plain button, not antd's: antd's Button (wave, context, style hooks) in every cell made
          rendering the rows, and scrolling the virtual table, noticeably slower. */}
      {editable && (
        <button type="button" className="cell-edit-button" aria-label={editLabel} onClick={start}>
          <svg viewBox="64 64 896 896" width="1em" height="1em" fill="currentColor" aria-hidden focusable="false">
            <path d={PENCIL} />
          </svg>
        </button>
      )}
    </div>
  );
}
