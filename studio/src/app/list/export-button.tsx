import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadHref } from '../../shared/api/api-client';
import type { FieldDefinition } from '../../shared/metadata/object-definition';
import type { FilterJson } from './filter/filter-rows';

/** The export endpoint's address for what the list shows: its columns, filter (search included) and sort, as CSV or as a workbook. */
export function exportHref(object: string, columns: readonly FieldDefinition[], filter: FilterJson | undefined, sort: string, format: 'csv' | 'xlsx' = 'csv'): string {
  const params = new URLSearchParams();
  if (format === 'xlsx') params.set('format', 'xlsx');
  params.set('fields', columns.map((field) => field.name).join(','));
  // A lookup as its parent's name, as the list shows it (the id where the parent is hidden from the user).
  params.set('lookups', 'name');
  // Headers and picklist values in the reader's language, as the list shows them.
  params.set('labels', 'true');
  if (filter) params.set('filter', JSON.stringify(filter));
  if (sort) params.set('sort', sort);
  return downloadHref(`/api/v1/records/${encodeURIComponent(object)}/export`, params);
}

/**
 * Plain links to the export (a GET with the session cookie), as CSV and as an Excel workbook with
 * typed cells: the browser downloads the file as the server streams it, however many rows, without
 * holding it in the page.
 */
export function ExportButton(props: { object: string; columns: readonly FieldDefinition[]; filter: FilterJson | undefined; sort: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Button icon={<DownloadOutlined />} href={exportHref(props.object, props.columns, props.filter, props.sort)} download={`${props.object}.csv`}>
        {t('list.export')}
      </Button>
      <Button icon={<DownloadOutlined />} href={exportHref(props.object, props.columns, props.filter, props.sort, 'xlsx')} download={`${props.object}.xlsx`}>
        {t('list.exportXlsx')}
      </Button>
    </>
  );
}
