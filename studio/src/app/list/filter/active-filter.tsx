import { CloseOutlined, FilterFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language';
import { localize } from '../../../shared/i18n/localize';
import { formatValue } from '../../../shared/metadata/format-value';
import type { FieldDefinition } from '../../../shared/metadata/object-definition';
import { useRecordNames } from '../../record/use-record-names';
import { filterToModel, takesValue, type FilterJson, type FilterRow } from './filter-rows';

/**
 * The filter the list stands under, in words ("Account equals Acme Corp"), with a button that
 * clears it: a list reached through a link (a related list's "View all", a bookmark) says why it
 * shows only some records even while the builder is closed.
 */
export function ActiveFilter({ fields, filter, onClear }: { fields: readonly FieldDefinition[]; filter: FilterJson; onClear: () => void }) {
  const { t } = useTranslation();
  const model = filterToModel(filter);
  const rows = model?.rows.filter((row) => fields.some((field) => field.name === row.field)) ?? [];
  return (
    <div className="active-filter" role="status">
      <FilterFilled aria-hidden className="active-filter-icon" />
      <span className="active-filter-text">
        <span className="active-filter-label">{t('filter.active')}</span>{' '}
        {model && rows.length === model.rows.length
          ? rows.map((row, at) => (
              <Fragment key={at}>
                {at > 0 && <span className="active-filter-join">{t(model.join === 'and' ? 'filter.and' : 'filter.or')}</span>}
                <Condition row={row} field={fields.find((field) => field.name === row.field)!} />
              </Fragment>
            ))
          : t('filter.customShort')}
      </span>
      <Button size="small" icon={<CloseOutlined />} onClick={onClear}>
        {t('filter.clearActive')}
      </Button>
    </div>
  );
}

/** One condition as text; a lookup's ids as the parents' names where the user may see them. */
function Condition({ row, field }: { row: FilterRow; field: FieldDefinition }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const values = takesValue(row.operator) ? (Array.isArray(row.value) ? row.value : [row.value]) : [];
  const lookup = (field.type === 'lookup' || field.type === 'masterdetail') && field.target ? field.target : '';
  const names = useRecordNames(lookup, lookup ? values.filter((value): value is string => typeof value === 'string') : []);
  const texts = { yes: t('value.yes'), no: t('value.no'), empty: t('value.empty') };
  const shown = values.map((value) => (typeof value === 'string' && names.has(value) ? names.get(value)! : formatValue(field, value, language, texts)));
  return (
    <span className="active-filter-condition">
      <strong>{localize(field.label, language, field.name)}</strong> {t(`filter.op.${row.operator}`)}
      {shown.length > 0 && ` ${shown.join(', ')}`}
    </span>
  );
}
