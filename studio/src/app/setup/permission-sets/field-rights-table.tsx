import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Select, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { adminObjectQuery } from '../objects/admin-object';
import type { MatrixObject } from './object-rights-matrix';
import { effectiveFieldRights, FIELD_RIGHTS, setFieldRight, type FieldRights, type ObjectRights } from './permission-set-rights';

/** Field types whose value the engine computes: nobody edits them, whatever the set says. */
const COMPUTED = new Set(['formula', 'rollup', 'autonumber']);

interface FieldRightsTableProps {
  readonly objects: readonly MatrixObject[];
  readonly object: string | undefined;
  readonly onObject: (object: string) => void;
  readonly objectRights: ObjectRights;
  /** The fields of `object` the set narrows. */
  readonly narrowed: Readonly<Record<string, FieldRights>>;
  readonly onChange: (narrowed: Record<string, FieldRights>) => void;
}

/**
 * One object's fields × read / edit. A box shows the right as it holds (the object's, or the
 * narrowed one); a box the object does not grant is disabled, since a field only narrows.
 */
export function FieldRightsTable({ objects, object, onObject, objectRights, narrowed, onChange }: FieldRightsTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const definition = useQuery({ ...adminObjectQuery(object ?? ''), enabled: object !== undefined });
  const label = objects.find((candidate) => candidate.name === object)?.label ?? object ?? '';
  const right = (name: (typeof FIELD_RIGHTS)[number]) => t(`setup.permissionSets.rights.${name}`);

  function change(field: string, name: (typeof FIELD_RIGHTS)[number], on: boolean) {
    const entry = setFieldRight(objectRights, narrowed[field], name, on);
    const { [field]: _previous, ...others } = narrowed;
    onChange(entry ? { ...others, [field]: entry } : others);
  }

  return (
    <div className="permission-fields">
      <label className="permission-fields-object">
        <span>{t('setup.permissionSets.pickObject')}</span>
        <Select
          value={object}
          onChange={onObject}
          options={objects.map((candidate) => ({ value: candidate.name, label: candidate.label }))}
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('setup.permissionSets.pickObject')}
        />
      </label>
      {object !== undefined && objectRights.read !== true && <Alert type="info" showIcon title={t('setup.permissionSets.noObjectRead', { object: label })} />}
      {definition.isFetching && <Spin />}
      {definition.data && (
        <div className="permission-matrix-scroll" tabIndex={-1}>
          <table className="permission-matrix permission-matrix-fields">
            <thead>
              <tr>
                <th scope="col">{t('setup.permissionSets.field')}</th>
                {FIELD_RIGHTS.map((name) => (
                  <th key={name} scope="col">
                    {right(name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(definition.data.definition.fields ?? []).map((field) => {
                const fieldLabel = localize(field.label, language, field.name);
                const holds = effectiveFieldRights(objectRights, narrowed[field.name]);
                const computed = COMPUTED.has(field.type);
                return (
                  <tr key={field.name}>
                    <th scope="row">
                      <span>{fieldLabel}</span>
                      {narrowed[field.name] && <Tag className="permission-narrowed">{t('setup.permissionSets.narrowed')}</Tag>}
                    </th>
                    <td>
                      <Checkbox
                        checked={holds.read}
                        disabled={objectRights.read !== true}
                        aria-label={t('setup.permissionSets.fieldCell', { field: fieldLabel, right: right('read') })}
                        onChange={(event) => change(field.name, 'read', event.target.checked)}
                      />
                    </td>
                    <td>
                      <Checkbox
                        checked={holds.edit && !computed}
                        disabled={computed || objectRights.edit !== true}
                        title={computed ? t('setup.permissionSets.computed') : undefined}
                        aria-label={t('setup.permissionSets.fieldCell', { field: fieldLabel, right: right('edit') })}
                        onChange={(event) => change(field.name, 'edit', event.target.checked)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
