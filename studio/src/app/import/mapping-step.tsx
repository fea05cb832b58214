import { Alert, Button, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import { externalIdFields, fieldOptions, matchOptions, repeatedFields, settingsOf, withField, type Cell, type ImportSettings, type MappingRow, type UploadedImport } from './import-logic';

type Options = Omit<ImportSettings, 'mapping'>;

interface MappingStepProps {
  object: ObjectDefinition;
  objects: readonly ObjectDefinition[];
  editable: ReadonlySet<string>;
  uploaded: UploadedImport;
  rows: readonly MappingRow[];
  options: Options;
  onChange: (rows: readonly MappingRow[], options: Options) => void;
  onCheck: (settings: ImportSettings) => void;
}

/** The second step: each column of the file and the field it fills, how records are matched, how dates and numbers are written. */
export function MappingStep({ object, objects, editable, uploaded, rows, options, onChange, onCheck }: MappingStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fields = fieldOptions(object, editable, language);
  const externalIds = externalIdFields(object);
  const repeated = repeatedFields(rows);
  const label = (name: string) => fields.find((option) => option.value === name)?.label ?? name;
  const settings = settingsOf(rows, options);
  const setRow = (index: number, row: MappingRow) => onChange(rows.map((other, i) => (i === index ? row : other)), options);
  const setOption = (change: Partial<Options>) => onChange(rows, { ...options, ...change });
  const ready = settings.mapping.length > 0 && repeated.length === 0 && (options.mode === 'insert' || options.externalId !== undefined || rows.some((row) => row.field === '_id'));

  return (
    <div className="import-mapping">
      <Typography.Paragraph>{t('import.map.intro', { count: uploaded.total, file: uploaded.fileName })}</Typography.Paragraph>
      <ol className="mapping-rows" aria-label={t('import.steps.map')}>
        {rows.map((row, index) => {
          const field = object.fields.find((candidate) => candidate.name === row.field);
          const matches = matchOptions(field, objects, language, { name: t('import.map.byName'), id: t('import.map.byId') });
          const target = objects.find((candidate) => candidate.name === field?.target);
          return (
            <li key={row.column} className="mapping-row">
              <div className="mapping-column">
                <span className="mapping-header">{row.column}</span>
                <span className="mapping-samples">{row.samples.join(' · ')}</span>
              </div>
              <Select
                className="mapping-field"
                aria-label={t('import.map.fieldFor', { column: row.column })}
                value={row.field ?? ''}
                showSearch={{ optionFilterProp: 'label' }}
                status={row.field && repeated.includes(row.field) ? 'error' : undefined}
                onChange={(value: string) => setRow(index, withField(row, value || undefined))}
                options={[{ value: '', label: t('import.map.none') }, ...fields, ...(options.mode === 'update' ? [{ value: '_id', label: '_id' }] : [])]}
              />
              {matches.length > 0 && (
                <Select
                  className="mapping-match"
                  aria-label={t('import.map.matchFor', { column: row.column })}
                  value={row.match ?? 'name'}
                  onChange={(value: string) => setRow(index, { ...row, match: value })}
                  options={matches.map((option) => ({ ...option, label: `${t('import.map.matchBy', { object: localize(target?.label, language, field?.target ?? '') })}: ${option.label}` }))}
                />
              )}
            </li>
          );
        })}
      </ol>
      <div className="import-options">
        <label>
          <span>{t('import.map.mode')}</span>
          <Select
            aria-label={t('import.map.mode')}
            value={options.mode}
            onChange={(mode: Options['mode']) => setOption({ mode, ...(mode !== 'insert' && !options.externalId && externalIds[0] ? { externalId: externalIds[0].name } : {}) })}
            options={(['insert', 'update', 'upsert'] as const).map((mode) => ({ value: mode, label: t(`import.map.${mode}`), disabled: mode === 'upsert' && externalIds.length === 0 }))}
          />
        </label>
        {options.mode !== 'insert' && externalIds.length > 0 && (
          <label>
            <span>{t('import.map.externalId')}</span>
            <Select
              aria-label={t('import.map.externalId')}
              value={options.externalId}
              allowClear={options.mode === 'update'}
              onChange={(externalId: string | undefined) => setOption({ ...(externalId ? { externalId } : { externalId: undefined }) })}
              options={externalIds.map((field) => ({ value: field.name, label: localize(field.label, language, field.name) }))}
            />
          </label>
        )}
        <label>
          <span>{t('import.map.dateOrder')}</span>
          <Select aria-label={t('import.map.dateOrder')} value={options.dateOrder} onChange={(dateOrder: Options['dateOrder']) => setOption({ dateOrder })} options={(['MDY', 'DMY', 'YMD'] as const).map((order) => ({ value: order, label: t(`import.map.${order}`) }))} />
        </label>
        <label>
          <span>{t('import.map.decimal')}</span>
          <Select
            aria-label={t('import.map.decimal')}
            value={options.decimalSeparator}
            onChange={(decimalSeparator: Options['decimalSeparator']) => setOption({ decimalSeparator })}
            options={[
              { value: '.', label: t('import.map.point') },
              { value: ',', label: t('import.map.comma') },
            ]}
          />
        </label>
      </div>
      {options.mode !== 'insert' && externalIds.length === 0 && <Alert type="info" showIcon className="import-alert" title={t('import.map.noExternalId')} />}
      {repeated.length > 0 && <Alert type="error" showIcon role="alert" className="import-alert" title={t('import.map.repeated', { fields: repeated.map(label).join(', ') })} />}
      {settings.mapping.length === 0 && <Alert type="warning" showIcon className="import-alert" title={t('import.map.nothing')} />}
      <Typography.Title level={3} className="import-subtitle">
        {t('import.map.preview')}
      </Typography.Title>
      {/* A region that takes focus: a wide file scrolls sideways from the keyboard too. */}
      <div className="import-table-scroll" role="region" aria-label={t('import.map.preview')} tabIndex={0}>
        <Table
          size="small"
          className="import-preview"
          pagination={false}
          rowKey={(_row, index) => String(index)}
          dataSource={uploaded.preview.map((cells) => ({ cells }))}
          columns={uploaded.headers.map((header, index) => ({ key: String(index), title: header, render: (_: unknown, row: { cells: readonly Cell[] }) => cellText(row.cells[index]) }))}
        />
      </div>
      <div className="import-actions">
        <Button type="primary" disabled={!ready} onClick={() => onCheck(settings)}>
          {t('import.map.check')}
        </Button>
      </div>
    </div>
  );
}

function cellText(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell);
}
