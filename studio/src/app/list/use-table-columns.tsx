import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { FieldDefinition, ObjectDefinition } from '../../shared/metadata/object-definition';
import { RecordValue, recordTitle, type RecordLike } from '../../shared/metadata/record-value';
import { EditableCell } from './inline/editable-cell';
import { sortOrderOf } from './list-query';

/** Wide enough for a value and its edit button; the scrolling table needs fixed widths. */
export const COLUMN_WIDTH = 200;

/** The list's columns: sortable by the server, the first one linking to the record, cells editable in place. */
export function useTableColumns(object: ObjectDefinition, objects: readonly ObjectDefinition[], columns: readonly FieldDefinition[], sort: string, editable: ReadonlySet<string>, fixedWidth: boolean): NonNullable<TableProps<RecordLike>['columns']> {
  const language = useLanguage();
  return columns.map((field, index) => ({
    key: field.name,
    dataIndex: field.name,
    title: localize(field.label, language, field.name),
    sorter: true,
    sortOrder: sortOrderOf(sort, field.name),
    showSorterTooltip: false,
    // The virtual table needs fixed widths; the paged one sizes its columns to their content.
    ...(fixedWidth ? { width: COLUMN_WIDTH } : {}),
    render: (_value: unknown, record: RecordLike) => (
      <EditableCell object={object} field={field} record={record} editable={editable.has(field.name)}>
        {index === 0 ? <Link to={`/o/${object.name}/${encodeURIComponent(record._id)}`}>{recordTitle(object, record)}</Link> : <RecordValue field={field} record={record} objects={objects} />}
      </EditableCell>
    ),
  }));
}
