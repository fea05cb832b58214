import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Empty, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition, ObjectDefinition } from '../../../shared/metadata/object-definition';
import { recordTitle } from '../../../shared/metadata/record-value';
import type { FilterJson } from '../filter/filter-rows';
import type { ListAnswer } from '../list-query';
import { serverMessage } from '../server-message';
import { KanbanCard } from './kanban-card';
import { columnFilter, kanbanColumns, moveCard, type KanbanColumn } from './kanban-columns';

const COLUMN_SIZE = 50;
const DRAG_TYPE = 'application/x-crm-record';

export interface KanbanBoardProps {
  readonly object: ObjectDefinition;
  readonly objects: readonly ObjectDefinition[];
  readonly field: FieldDefinition;
  readonly details: readonly FieldDefinition[];
  readonly filter: FilterJson | undefined;
  readonly sort: string;
  /** Whether the user may change the field (drag and "Move to" are offered only then). */
  readonly movable: boolean;
}

/**
 * The records as cards in one column per value of a picklist, with each column's count from the
 * server. Moving a card (drag, or its "Move to" menu from the keyboard) changes the value at once
 * on screen, then on the server; a refusal puts the card back and shows the server's message.
 */
export function KanbanBoard({ object, objects, field, details, filter, sort, movable }: KanbanBoardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [over, setOver] = useState<string | null | undefined>(undefined);
  const columns = kanbanColumns(field, language, t('kanban.noValue'));
  // The cards' lookups show their parents' names, as the table's cells do.
  const expand = details.filter((detail) => detail.type === 'lookup' || detail.type === 'masterdetail').map((detail) => detail.name).join(',') || undefined;
  const keyOf = (column: KanbanColumn) => ['records', object.name, 'kanban', field.name, column.value, JSON.stringify(filter ?? null), sort, expand];
  const results = useQueries({
    queries: columns.map((column) => ({
      queryKey: keyOf(column),
      queryFn: () =>
        api<ListAnswer>(`/records/${object.name}`, {
          query: { limit: COLUMN_SIZE, total: true, sort: sort || undefined, filter: JSON.stringify(columnFilter(field.name, column.value, filter)), expand },
        }),
    })),
  });

  async function move(id: string, from: KanbanColumn, to: KanbanColumn) {
    if (from.value === to.value) return;
    const fromKey = keyOf(from);
    const toKey = keyOf(to);
    const before = { from: queryClient.getQueryData<ListAnswer>(fromKey), to: queryClient.getQueryData<ListAnswer>(toKey) };
    if (!before.from || !before.to) return;
    const card = before.from.records.find((record) => record._id === id);
    if (!card) return;
    await Promise.all([queryClient.cancelQueries({ queryKey: fromKey }), queryClient.cancelQueries({ queryKey: toKey })]);
    const after = moveCard(before.from, before.to, id, field.name, to.value);
    queryClient.setQueryData(fromKey, after.from);
    queryClient.setQueryData(toKey, after.to);
    setRefusal(undefined);
    try {
      await api(`/records/${object.name}/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: { [field.name]: to.value },
        headers: { 'If-Match': `"${card._version ?? ''}"` },
      });
    } catch (error) {
      queryClient.setQueryData(fromKey, before.from);
      queryClient.setQueryData(toKey, before.to);
      setRefusal(t('kanban.refused', { record: recordTitle(object, card), message: serverMessage(error, language) }));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: ['records', object.name] });
  }

  return (
    <div className="kanban">
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} closable={{ 'aria-label': t('bulk.dismiss') }} onClose={() => setRefusal(undefined)} className="kanban-refusal" />}
      <div className="kanban-columns">
        {columns.map((column, index) => {
          const result = results[index]!;
          const records = result.data?.records ?? [];
          const headingId = `kanban-column-${index}`;
          return (
            <section
              key={String(column.value)}
              className={`kanban-column${over === column.value ? ' kanban-column-over' : ''}`}
              aria-labelledby={headingId}
              data-value={column.value ?? ''}
              onDragOver={(event) => {
                if (!movable || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
                event.preventDefault();
                setOver(column.value);
              }}
              onDragLeave={() => setOver(undefined)}
              onDrop={(event) => {
                event.preventDefault();
                setOver(undefined);
                const data = event.dataTransfer.getData(DRAG_TYPE);
                if (!data) return;
                const { id, from } = JSON.parse(data) as { id: string; from: string | null };
                const source = columns.find((candidate) => candidate.value === from);
                if (source) void move(id, source, column);
              }}
            >
              <h3 id={headingId} className="kanban-column-title">
                <span>{column.label}</span>
                <Badge count={result.data?.total ?? records.length} showZero color="#6b7280" overflowCount={99999} />
              </h3>
              {result.isLoading ? (
                <Spin className="page-spinner" />
              ) : records.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.empty')} />
              ) : (
                <ul className="kanban-cards">
                  {records.map((record) => (
                    <KanbanCard
                      key={record._id}
                      object={object}
                      objects={objects}
                      record={record}
                      details={details}
                      movable={movable}
                      targets={columns.filter((candidate) => candidate.value !== column.value)}
                      onMove={(target) => void move(record._id, column, target)}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ id: record._id, from: column.value }));
                        event.dataTransfer.effectAllowed = 'move';
                      }}
                    />
                  ))}
                </ul>
              )}
              {result.data?.next && <p className="kanban-more">{t('kanban.more', { count: (result.data.total ?? 0) - records.length })}</p>}
            </section>
          );
        })}
      </div>
    </div>
  );
}
