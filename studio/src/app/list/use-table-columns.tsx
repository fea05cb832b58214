import type { TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { nameField, type FieldDefinition, type ObjectDefinition } from '../../shared/metadata/object-definition';
import { PlainRecordValue, recordTitle, recordValueText, type RecordLike } from '../../shared/metadata/record-value';
import { EditableCell } from './inline/editable-cell';
import { sortOrderOf } from './list-query';

/** Wide enough for a value and its edit button; the scrolling table needs fixed widths. */
export const COLUMN_WIDTH = 200;

/**
 * The list's columns: sortable by the server, the first one linking to the record, cells editable
 * in place. The texts every cell needs (labels, yes / no / empty) are worked out here once, and
 * the same columns are kept while nothing they show changes: the cells themselves stay free of
 * hooks, and the table does not render its rows again for nothing.
 */
export function useTableColumns(object: ObjectDefinition, objects: readonly ObjectDefinition[], columns: readonly FieldDefinition[], sort: string, editable: ReadonlySet<string>, fixedWidth: boolean): NonNullable<TableProps<RecordLike>['columns']> {
  const { t } = useTranslation();
  const language = useLanguage();
  return useMemo(() => {
    const texts = { yes: t('value.yes'), no: t('value.no'), empty: t('value.empty') };
    const titleField = nameField(object)?.name;
    return columns.map((field, index) => {
      const label = localize(field.label, language, field.name);
      const editLabel = t('inline.edit', { field: label });
      const canEdit = editable.has(field.name);
      return {
        key: field.name,
        dataIndex: field.name,
        title: label,
        sorter: true,
        sortOrder: sortOrderOf(sort, field.name),
        showSorterTooltip: false,
        // The virtual table needs fixed widths; the paged one sizes its columns to their content.
        ...(fixedWidth ? { width: COLUMN_WIDTH } : {}),
        render: (_value: unknown, record: RecordLike) => (
          <EditableCell object={object} field={field} record={record} editable={canEdit} label={label} editLabel={editLabel}>
            {index === 0 && field.name === titleField ? (
              <Link to={`/o/${object.name}/${encodeURIComponent(record._id)}`}>{recordTitle(object, record)}</Link>
            ) : index === 0 ? (
              // A view led by another column shows that column's value, still the way to the record (its name is what it shows, as axe asks).
              <Link to={`/o/${object.name}/${encodeURIComponent(record._id)}`}>
                {recordValueText(field, record, objects, language, texts)}
              </Link>
            ) : (
              <PlainRecordValue field={field} record={record} objects={objects} language={language} texts={texts} />
            )}
          </EditableCell>
        ),
      };
    });
  }, [t, language, object, objects, columns, sort, editable, fixedWidth]);
}
