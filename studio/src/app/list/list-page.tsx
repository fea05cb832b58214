import { FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Grid, Input, Segmented, Select, Skeleton, Typography, type TableProps } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../shared/api/session';
import { useForm } from '../../shared/forms/use-form';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import type { RecordLike } from '../../shared/metadata/record-value';
import { useObject, type ObjectRights } from '../../shared/metadata/use-objects';
import { changedAddressParams } from '../../shared/shell/address-params';
import { NotFoundPage } from '../not-found-page';
import { BulkBar } from './bulk/bulk-bar';
import { ExportButton } from './export-button';
import { ActiveFilter } from './filter/active-filter';
import { filterToModel, type FilterJson } from './filter/filter-rows';
import { editableFields } from './inline/editable-fields';
import { listLayout, modeParam, type ListMode } from './list-mode';
import { addressState, listQuery, nextSort, viewFilter } from './list-query';
import { ListTotal } from './list-total';
import { useListViews, useViewColumns } from './list-views';
import { PagedList } from './paged-list';
import { COLUMN_WIDTH, useTableColumns } from './use-table-columns';
import { ViewPicker } from './view-picker';
import './list.css';

// Parts that only some users open load on demand, keeping the list's own chunk small.
const FilterBuilder = lazy(() => import('./filter/filter-builder').then((module) => ({ default: module.FilterBuilder })));
const KanbanBoard = lazy(() => import('./kanban/kanban-board').then((module) => ({ default: module.KanbanBoard })));
const BackfillNotice = lazy(() => import('./backfill-notice').then((module) => ({ default: module.BackfillNotice })));
const SlowListHint = lazy(() => import('./slow-list-hint').then((module) => ({ default: module.SlowListHint })));
const ScrollingTable = lazy(() => import('./scrolling-table').then((module) => ({ default: module.ScrollingTable })));

/**
 * The records of one object as a table (page by page, or all of them in one scrolling table) or a
 * kanban board, filtered with the builder, searched, sorted by the server, exported as CSV.
 * Everything that defines the view lives in the address (`sort`, `q`, `size`, `filter`, `mode`,
 * `group`), so a list can be bookmarked, shared and saved as a view.
 */
export function ListPage() {
  const { object: name = '' } = useParams();
  const { object, objects, rights, isLoading } = useObject(name);
  // The views and the form come with the objects (the route's loader asked for all three): waiting
  // for them renders the list once with its final columns instead of again as each arrives.
  const views = useListViews(name);
  const form = useForm(name);
  if (isLoading || (object && (views.isPending || form.isPending))) return <Skeleton active />;
  if (!object) return <NotFoundPage />;
  return <ObjectList key={name} object={object} objects={objects} rights={rights} />;
}

/** What the user's object rights forbid is not offered: no "New", no selection, no ✎, no dragging. */
function ObjectList({ object, objects, rights }: { object: ObjectDefinition; objects: readonly ObjectDefinition[]; rights: ObjectRights }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const wide = Grid.useBreakpoint().md !== false;
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const { sort, search, filter, size, viewKey } = addressState(params);
  const picklists = object.fields.filter((field) => field.type === 'picklist');
  const viewKanban = useListViews(object.name).data?.views.find((view) => view.name === params.get('view'))?.kanbanField;
  const layout = listLayout(params, picklists.map((field) => field.name), viewKanban);
  const mode = layout.mode;
  const group = picklists.find((field) => field.name === layout.group);
  const [filtering, setFiltering] = useState(false);
  const [selected, setSelected] = useState<readonly RecordLike[]>([]);
  const form = useForm(object.name);
  const columns = useViewColumns(object, params.get('view'));
  const editable = useMemo(() => (rights.edit ? editableFields(form.data, object.fields) : new Set<string>()), [rights.edit, form.data, object.fields]);
  const tableColumns = useTableColumns(object, objects, columns, sort, editable, mode === 'scroll');
  const label = localize(object.pluralLabel ?? object.label, language, object.name);
  const combined = viewFilter(object, search, filter);
  const query = useCallback(
    (cursor: string | undefined, limit: number) => listQuery(object, columns, { sort, search, size: limit, cursor, filter }, objects),
    // The filter's text stands for the filter: a new object each render must not refetch.
    [object, objects, columns, sort, search, params.get('filter')],
  );

  function update(change: Record<string, string | undefined>) {
    // The router commits a search-only navigation as a transition, which React puts off while the
    // list's own data updates keep arriving: on a busy machine the header showed the old sort for a
    // second and a second click on it sorted the same way again. So the change starts from the
    // address, not from this render (address-params.ts).
    setParams(changedAddressParams(change), { replace: true, flushSync: true });
    setSelected([]);
  }

  const onTableChange: TableProps<RecordLike>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    update({ sort: nextSort(typeof one?.columnKey === 'string' ? one.columnKey : undefined, one?.order) });
  };
  const table: Omit<TableProps<RecordLike>, 'dataSource' | 'pagination' | 'loading' | 'virtual' | 'scroll'> = {
    size: 'middle',
    columns: tableColumns,
    onChange: onTableChange,
    locale: { emptyText: search ? t('list.emptySearch', { query: search }) : t('list.empty') },
    rowSelection:
      rights.edit || rights.delete
        ? {
            selectedRowKeys: selected.map((record) => record._id),
            onChange: (_keys, rows) => setSelected(rows),
            columnWidth: 48,
          }
        : undefined,
  };
  const conditions = filter ? (filterToModel(filter)?.rows.length ?? 1) : 0;

  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={2} className="page-title">
          {label}
        </Typography.Title>
        <ExportButton object={object.name} columns={columns} filter={combined} sort={sort} />
        {(rights.create || rights.edit) && (
          <Link to={`/o/${object.name}/import`}>
            <Button icon={<UploadOutlined />}>{t('list.import')}</Button>
          </Link>
        )}
        {rights.create && (
          <Link to={`/o/${object.name}/new`}>
            <Button type="primary" icon={<PlusOutlined />}>
              {t('list.new')}
            </Button>
          </Link>
        )}
      </div>
      <Suspense fallback={null}>
        <BackfillNotice object={object} />
        {session.data?.rights?.manageMetadata && mode === 'pages' && <SlowListHint object={object} viewKey={viewKey} filter={combined} sort={sort} size={size} />}
      </Suspense>
      <div className="list-toolbar">
        <ViewPicker object={object} columns={columns} kanbanField={mode === 'kanban' ? group?.name : undefined} />
        <Input.Search
          aria-label={t('list.search', { object: label })}
          placeholder={t('list.search', { object: label })}
          defaultValue={search}
          allowClear
          enterButton={t('list.searchButton')}
          onSearch={(value) => update({ q: value.trim() || undefined })}
        />
        <Badge count={conditions} size="small">
          <Button icon={<FilterOutlined />} aria-expanded={filtering} onClick={() => setFiltering(!filtering)}>
            {t('filter.title')}
          </Button>
        </Badge>
        <Segmented<ListMode>
          aria-label={t('list.mode')}
          value={mode}
          onChange={(value) => update({ mode: modeParam(value, viewKanban) })}
          options={[
            { value: 'pages', label: t('list.modePages') },
            ...(wide ? [{ value: 'scroll' as const, label: t('list.modeScroll') }] : []),
            ...(picklists.length > 0 ? [{ value: 'kanban' as const, label: t('list.modeKanban') }] : []),
          ]}
        />
        {mode === 'kanban' && group && (
          <Select
            aria-label={t('kanban.groupBy')}
            value={group.name}
            onChange={(value: string) => update({ group: value })}
            options={picklists.map((field) => ({ value: field.name, label: localize(field.label, language, field.name) }))}
            style={{ minWidth: 160 }}
          />
        )}
        {!wide && mode !== 'kanban' && (
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
        {mode === 'pages' && <ListTotal object={object.name} viewKey={viewKey} />}
      </div>
      {filter && !filtering && <ActiveFilter fields={object.fields} filter={filter} onClear={() => update({ filter: undefined })} />}
      <Suspense fallback={<Skeleton active />}>
        {filtering && (
          <FilterBuilder
            key={params.get('filter') ?? ''}
            fields={object.fields}
            filter={filter}
            onApply={(next: FilterJson | undefined) => update({ filter: next ? JSON.stringify(next) : undefined })}
          />
        )}
        {mode !== 'kanban' && <BulkBar object={object} selected={selected} deletable={rights.delete} editable={object.fields.filter((field) => editable.has(field.name))} onClear={() => setSelected([])} />}
        {mode === 'kanban' && group ? (
          <KanbanBoard object={object} objects={objects} field={group} details={columns.filter((field) => field.name !== group.name).slice(1, 3)} filter={combined} sort={sort} movable={editable.has(group.name)} />
        ) : mode === 'scroll' && wide ? (
          <ScrollingTable object={object} viewKey={viewKey} query={query} table={table} width={48 + columns.length * COLUMN_WIDTH} />
        ) : (
          <PagedList
            object={object}
            objects={objects}
            columns={columns}
            viewKey={viewKey}
            size={size}
            wide={wide}
            empty={search ? t('list.emptySearch', { query: search }) : t('list.empty')}
            query={query}
            table={table}
            onSize={(value) => update({ size: String(value) })}
          />
        )}
      </Suspense>
    </div>
  );
}
