import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Grid, Input, Select, Skeleton, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../shared/api/api-client';
import { fromServer, localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import { RecordValue, recordTitle, type RecordLike } from '../../shared/metadata/record-value';
import { useObject } from '../../shared/metadata/use-objects';
import { NotFoundPage } from '../not-found-page';
import { listQuery, nextSort, PAGE_SIZES, sortOrderOf } from './list-query';
import { RecordCards } from './record-cards';
import { useViewColumns } from './list-views';
import { ViewPicker } from './view-picker';

interface ListAnswer {
  readonly records: readonly RecordLike[];
  readonly next: string | null;
  readonly total: number | null;
}

/**
 * The records of one object: columns from its metadata, sorted by the server (click a column),
 * searched, and paged with the server's cursor (a stack of the cursors seen, for going back).
 * Sort, search and page size live in the address, so a list can be bookmarked and shared.
 */
export function ListPage() {
  const { object: name = '' } = useParams();
  const { object, objects, isLoading } = useObject(name);
  if (isLoading) return <Skeleton active />;
  if (!object) return <NotFoundPage />;
  return <ObjectList key={name} object={object} objects={objects} />;
}

function ObjectList({ object, objects }: { object: ObjectDefinition; objects: readonly ObjectDefinition[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const wide = Grid.useBreakpoint().md !== false;
  const [params, setParams] = useSearchParams();
  const sort = params.get('sort') ?? '';
  const search = params.get('q') ?? '';
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0]!;
  const [cursors, setCursors] = useState<{ key: string; stack: readonly string[] }>({ key: '', stack: [] });
  const filter = params.get('filter') ?? '';
  const viewKey = `${sort}|${search}|${size}|${filter}`;
  const stack = cursors.key === viewKey ? cursors.stack : [];
  const columns = useViewColumns(object, params.get('view'));
  const label = localize(object.pluralLabel ?? object.label, language, object.name);

  const query = useQuery({
    queryKey: ['records', object.name, viewKey, stack.at(-1) ?? ''],
    queryFn: () => api<ListAnswer>(`/records/${object.name}`, { query: listQuery(object, columns, { sort, search, size, cursor: stack.at(-1), filter }) }),
    placeholderData: keepPreviousData,
  });
  const records = query.data?.records ?? [];

  function update(change: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }

  const tableColumns: TableProps<RecordLike>['columns'] = columns.map((field, index) => ({
    key: field.name,
    dataIndex: field.name,
    title: localize(field.label, language, field.name),
    sorter: true,
    sortOrder: sortOrderOf(sort, field.name),
    showSorterTooltip: false,
    render: (_value: unknown, record: RecordLike) =>
      index === 0 ? <Link to={`/o/${object.name}/${encodeURIComponent(record._id)}`}>{recordTitle(object, record)}</Link> : <RecordValue field={field} record={record} objects={objects} />,
  }));

  const onTableChange: TableProps<RecordLike>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    update({ sort: nextSort(typeof one?.columnKey === 'string' ? one.columnKey : undefined, one?.order) });
  };

  const page = stack.length + 1;
  const empty = search ? t('list.emptySearch', { query: search }) : t('list.empty');
  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={2} className="page-title">
          {label}
        </Typography.Title>
        <Link to={`/o/${object.name}/new`}>
          <Button type="primary" icon={<PlusOutlined />}>
            {t('list.new')}
          </Button>
        </Link>
      </div>
      <div className="list-toolbar">
        <ViewPicker object={object} columns={columns} />
        <Input.Search
          aria-label={t('list.search', { object: label })}
          placeholder={t('list.search', { object: label })}
          defaultValue={search}
          allowClear
          enterButton={t('list.searchButton')}
          onSearch={(value) => update({ q: value.trim() || undefined })}
        />
        {!wide && (
          <Select
            aria-label={t('list.sortBy', { field: '' })}
            value={sort || undefined}
            allowClear
            placeholder={t('list.sortBy', { field: '' })}
            style={{ minWidth: 180 }}
            onChange={(value: string | undefined) => update({ sort: value })}
            options={columns.flatMap((field) => {
              const title = localize(field.label, language, field.name);
              return [
                { value: field.name, label: `${title} ↑` },
                { value: `-${field.name}`, label: `${title} ↓` },
              ];
            })}
          />
        )}
        {query.data?.total !== null && query.data?.total !== undefined && <Typography.Text type="secondary">{t('list.total', { count: query.data.total })}</Typography.Text>}
      </div>
      {query.error && <Alert type="error" showIcon role="alert" title={t('list.loadFailed', { message: fromServer(query.error.message, language) })} />}
      {wide ? (
        <Table<RecordLike>
          rowKey="_id"
          size="middle"
          columns={tableColumns}
          dataSource={records as RecordLike[]}
          loading={query.isFetching}
          pagination={false}
          onChange={onTableChange}
          locale={{ emptyText: empty }}
          scroll={{ x: 'max-content' }}
        />
      ) : (
        <RecordCards object={object} objects={objects} columns={columns} records={records} loading={query.isFetching} empty={empty} />
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
          onChange={(value: number) => update({ size: String(value) })}
          options={PAGE_SIZES.map((value) => ({ value, label: `${value} / ${t('list.pageSize')}` }))}
          style={{ width: 150 }}
        />
      </nav>
    </div>
  );
}
