import { useInfiniteQuery } from '@tanstack/react-query';
import { Table, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import type { RecordLike } from '../../shared/metadata/record-value';
import type { ListAnswer, ListParams } from './list-query';
import { ListLoadError } from './list-load-error';

/** Rows fetched per request in scrolling mode; the table renders only those in sight. */
const SCROLL_PAGE = 200;
/**
 * How close to the end (in pixels, about 100 rows) the next page is asked for, so that it is there
 * before the user is, even scrolling fast (1,500 px left a fast scroll waiting at the end).
 */
const PREFETCH_DISTANCE = 5000;

export interface ScrollingTableProps {
  readonly object: ObjectDefinition;
  readonly viewKey: string;
  readonly query: (cursor: string | undefined, limit: number) => ListParams;
  readonly table: Omit<TableProps<RecordLike>, 'dataSource' | 'virtual' | 'scroll' | 'pagination'>;
  readonly width: number;
}

/**
 * Every record of the view in one virtualised table (antd's `virtual`: only the rows in sight are
 * in the page), fetched page after page with the server's cursor as the user nears the end.
 */
export function ScrollingTable({ object, viewKey, query, table, width }: ScrollingTableProps) {
  const { t } = useTranslation();
  const pages = useInfiniteQuery({
    queryKey: ['records', object.name, 'scroll', viewKey],
    // Only the first page counts the records: counting again on every page cost the server time for nothing.
    queryFn: ({ pageParam }) => api<ListAnswer>(`/records/${object.name}`, { query: { ...query(pageParam || undefined, SCROLL_PAGE), total: pageParam ? undefined : true } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
  // The same array until a page arrives: the table goes through all its rows whenever it changes.
  const records = useMemo(() => pages.data?.pages.flatMap((page) => page.records) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.total;

  return (
    <>
      {pages.error && <ListLoadError object={object} error={pages.error} />}
      <Table<RecordLike>
        {...table}
        rowKey="_id"
        virtual
        dataSource={records as RecordLike[]}
        loading={pages.isLoading}
        pagination={false}
        scroll={{ x: width, y: 560 }}
        onScroll={(event) => {
          const target = event.currentTarget;
          if (target.scrollHeight - target.scrollTop - target.clientHeight < PREFETCH_DISTANCE && pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
        }}
      />
      <Typography.Text type="secondary" className="list-scroll-status" role="status">
        {pages.hasNextPage || pages.isFetchingNextPage ? t('list.loaded', { count: records.length, total: total ?? '?' }) : t('list.allLoaded', { count: records.length })}
      </Typography.Text>
    </>
  );
}
