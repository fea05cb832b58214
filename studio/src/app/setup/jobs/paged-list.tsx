import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIRST_PAGE, isActive, newerPage, olderPage, statusParam, type CursorStack, type RowState } from './job-state';
import { JOBS_KEY, type ListParams, type Page } from './jobs-api';

interface PagedListProps<T extends { _id: string }> {
  /** Names the list in its query key and its controls' ids. */
  readonly name: string;
  /** The status filters offered, the first showing all; none: no filter. */
  readonly filters: readonly string[];
  readonly load: (params: ListParams) => Promise<Page<T>>;
  readonly columns: TableColumnsType<T>;
  readonly state: (row: T) => RowState;
}

/** How often a list with work in progress asks again, so a retried row is seen running and ending. */
const REFRESH_MS = 2000;

/**
 * One list of the page, newest first, a page at a time (the engine pages by cursor, so the pages
 * seen are kept to go back), filtered by status; refreshed while any row waits or runs.
 */
export function PagedList<T extends { _id: string }>({ name, filters, load, columns, state }: PagedListProps<T>) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<string>(filters[0] ?? 'all');
  const [pages, setPages] = useState<CursorStack>(FIRST_PAGE);
  const before = pages[pages.length - 1];
  const list = useQuery({
    queryKey: [...JOBS_KEY, name, filter, before ?? ''],
    queryFn: () => load({ status: statusParam(filter), before }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.entries.some((row) => isActive(state(row))) ? REFRESH_MS : false),
  });
  const filterId = `setup-jobs-${name}-status`;

  return (
    <div className="setup-jobs-list">
      <div className="setup-toolbar">
        {filters.length > 0 && (
          <span className="setup-jobs-filter">
            <label htmlFor={filterId}>{t('setup.jobs.status')}</label>
            <Select
              id={filterId}
              showSearch={{ optionFilterProp: 'label' }}
              value={filter}
              onChange={(value) => {
                setFilter(value);
                setPages(FIRST_PAGE);
              }}
              options={filters.map((value) => ({ value, label: t(`setup.jobs.filter.${value}`) }))}
              popupMatchSelectWidth={false}
            />
          </span>
        )}
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending}>
          {t('setup.jobs.refresh')}
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon role="alert" className="setup-form-alert" title={t('setup.jobs.loadFailed', { message: list.error.message })} />}
      <Table<T>
        rowKey="_id"
        size="middle"
        columns={columns}
        dataSource={list.data?.entries as T[] | undefined}
        loading={list.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-jobs-empty">{filter === 'failed' ? t('setup.jobs.emptyFailed') : t('setup.jobs.empty')}</span> }}
      />
      {(pages.length > 1 || list.data?.next) && (
        <nav className="setup-jobs-pager" aria-label={t('setup.jobs.paging')}>
          <Button icon={<LeftOutlined aria-hidden />} disabled={pages.length === 1} onClick={() => setPages(newerPage(pages))}>
            {t('setup.jobs.newer')}
          </Button>
          <span aria-live="polite">{t('setup.jobs.page', { page: pages.length })}</span>
          <Button disabled={!list.data?.next} onClick={() => list.data?.next && setPages(olderPage(pages, list.data.next))}>
            {t('setup.jobs.older')} <RightOutlined aria-hidden />
          </Button>
        </nav>
      )}
    </div>
  );
}
