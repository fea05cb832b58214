import { SwapOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown } from 'antd';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition, ObjectDefinition } from '../../../shared/metadata/object-definition';
import { RecordValue, recordTitle, type RecordLike } from '../../../shared/metadata/record-value';
import type { KanbanColumn } from './kanban-columns';

export interface KanbanCardProps {
  readonly object: ObjectDefinition;
  readonly objects: readonly ObjectDefinition[];
  readonly record: RecordLike;
  readonly details: readonly FieldDefinition[];
  readonly movable: boolean;
  readonly targets: readonly KanbanColumn[];
  readonly onMove: (target: KanbanColumn) => void;
  readonly onDragStart: (event: DragEvent<HTMLLIElement>) => void;
}

/** A record on the board: its name as a link, a few values, and "Move to…" for the keyboard. */
export function KanbanCard({ object, objects, record, details, movable, targets, onMove, onDragStart }: KanbanCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = recordTitle(object, record);
  return (
    <li draggable={movable} onDragStart={onDragStart} className="kanban-card" data-id={record._id}>
      <Card size="small">
        <div className="kanban-card-head">
          <Link to={`/o/${object.name}/${encodeURIComponent(record._id)}`} className="kanban-card-title">
            {title}
          </Link>
          {movable && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: targets.map((target) => ({ key: String(target.value), label: target.label })),
                onClick: ({ key }) => {
                  const target = targets.find((candidate) => String(candidate.value) === key);
                  if (target) onMove(target);
                },
              }}
            >
              <Button size="small" type="text" icon={<SwapOutlined />} aria-label={t('kanban.moveTo', { record: title })} />
            </Dropdown>
          )}
        </div>
        <dl className="kanban-card-values">
          {details.map((field) => (
            <div key={field.name} className="list-card-row">
              <dt>{localize(field.label, language, field.name)}</dt>
              <dd>
                <RecordValue field={field} record={record} objects={objects} />
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </li>
  );
}
