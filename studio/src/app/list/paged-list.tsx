import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Skeleton, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition, ObjectDefinition } from '../../shared/metadata/object-definition';
import type { RecordLike } from '../../shared/metadata/record-value';
import { PAGE_SIZES, recordsPageQuery, type ListParams } from './list-query';
import { RecordCards } from './record-cards';
import { ListLoadError } from './list-load-error';

export interface PagedListProps {
  readonly object: ObjectDefinition;
  readonly objects: readonly ObjectDefinition[];
  readonly columns: readonly FieldDefinition[];
  readonly viewKey: string;
  readonly size: number;
  readonly wide: boolean;
  readonly empty: string;
  readonly query: (cursor: string | undefined, limit: number) => ListParams;
  readonly table: Omit<TableProps<RecordLike>, 'dataSource' | 'pagination' | 'loading'>;
  readonly onSize: (size: number) => void;
}

/** One page of the view at a time, with the server's cursor (a stack of the cursors seen, for going back). */
export function PagedList(props: PagedListProps) {
  const { t } = useTranslation();
  const { object, viewKey, size } = props;
  const [cursors, setCursors] = useState<{ key: string; stack: readonly string[] }>({ key: '', stack: [] });
  const stack = cursors.key === viewKey ? cursors.stack : [];
  const query = useQuery({ ...recordsPageQuery(object.name, viewKey, stack.at(-1), () => props.query(stack.at(-1), size)), placeholderData: keepPreviousData });
  const records = query.data?.records ?? [];
  const page = stack.length + 1;

  return (
    <>
      {query.error && <ListLoadError object={object} error={query.error} />}
      {props.wide ? (
        // No `scroll.x`: with it antd adds a measuring row that repeats the "select all" checkbox
        // inside aria-hidden (an axe violation); the wrapper scrolls a wide table sideways instead.
        // The table appears with its first rows (a skeleton until then: an empty table that fills a
        // moment later renders twice). While a new sort or page loads the header stays live (a
        // second click on it sorts the other way) and the old rows are dimmed: antd's loading
        // overlay would swallow the clicks.
        query.isPending ? (
          <Skeleton active />
        ) : (
          <div className={query.isFetching ? 'list-table-wrap list-refreshing' : 'list-table-wrap'} aria-busy={query.isFetching}>
            {/* Refused (a sort on a value being recalculated): the header stays to sort otherwise, without a "no records" that is not true. */}
            <Table<RecordLike> {...props.table} {...(query.error ? { locale: { emptyText: ' ' } } : {})} rowKey="_id" dataSource={records as RecordLike[]} pagination={false} />
          </div>
        )
      ) : (
        !query.error && <RecordCards object={object} objects={props.objects} columns={props.columns} records={records} loading={query.isFetching} empty={props.empty} />
      )}
      <nav className="list-pager" aria-label={t('list.page', { page })}>
        <Typography.Text type="secondary">{t('list.page', { page })}</Typography.Text>
        <Space.Compact>
          <Button disabled={page === 1} onClick={() => setCursors({ key: viewKey, stack: [] })}>
            {t('list.first')}
          </Button>
          <Button disabled={page === 1} onClick={() => setCursors({ key: viewKey, stack: stack.slice(0, -1) })}>
            {t('list.previous')}
          </Button>
          <Button disabled={!query.data?.next || query.isFetching} onClick={() => query.data?.next && setCursors({ key: viewKey, stack: [...stack, query.data.next] })}>
            {t('list.next')}
          </Button>
        </Space.Compact>
        <Select
          aria-label={t('list.pageSize')}
          value={size}
          onChange={props.onSize}
          options={PAGE_SIZES.map((value) => ({ value, label: `${value} / ${t('list.pageSize')}` }))}
          style={{ width: 150 }}
        />
      </nav>
    </>
  );
}
