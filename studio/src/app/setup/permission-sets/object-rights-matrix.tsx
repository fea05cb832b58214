import { SearchOutlined } from '@ant-design/icons';
import { Checkbox, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { columnState, OBJECT_RIGHTS, setColumn, setObjectRight, setRow, type ObjectRights } from './permission-set-rights';

export interface MatrixObject {
  readonly name: string;
  readonly label: string;
}

interface ObjectRightsMatrixProps {
  readonly objects: readonly MatrixObject[];
  readonly rights: Readonly<Record<string, ObjectRights>>;
  readonly onChange: (rights: Record<string, ObjectRights>) => void;
  /** The server's problems by object. */
  readonly errors: Readonly<Record<string, readonly string[]>>;
}

/**
 * Objects × create / read / edit / delete / view all / modify all. Each column's head ticks or
 * clears it for the objects shown (the filter narrows what a bulk toggle touches), each row's
 * first box every right of its object. Plain table markup: its first column stays in view while
 * the rights scroll sideways on a phone, and every box is named "Deal: Edit" for screen readers.
 */
export function ObjectRightsMatrix({ objects, rights, onChange, errors }: ObjectRightsMatrixProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase();
  const shown = objects.filter((object) => needle === '' || object.label.toLocaleLowerCase().includes(needle) || object.name.includes(needle));
  const rows = shown.map((object) => rights[object.name] ?? {});
  const right = (name: (typeof OBJECT_RIGHTS)[number]) => t(`setup.permissionSets.rights.${name}`);

  return (
    <div className="permission-matrix-frame">
      <Input
        allowClear
        className="permission-matrix-filter"
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('setup.permissionSets.searchObjects')}
        aria-label={t('setup.permissionSets.searchObjects')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <div className="permission-matrix-scroll" tabIndex={-1}>
        <table className="permission-matrix">
          <thead>
            <tr>
              <th scope="col">{t('setup.permissionSets.object')}</th>
              {OBJECT_RIGHTS.map((name) => {
                const state = columnState(rows, name);
                return (
                  <th key={name} scope="col">
                    <Checkbox
                      checked={state === true}
                      indeterminate={state === 'some'}
                      disabled={shown.length === 0}
                      aria-label={t('setup.permissionSets.allOf', { right: right(name) })}
                      onChange={(event) => onChange(setColumn(rights, shown.map((object) => object.name), name, event.target.checked))}
                    >
                      {right(name)}
                    </Checkbox>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((object) => {
              const row = rights[object.name] ?? {};
              const granted = OBJECT_RIGHTS.filter((name) => row[name]).length;
              const problems = errors[object.name];
              return (
                <tr key={object.name} className={problems ? 'permission-matrix-row-error' : undefined}>
                  <th scope="row">
                    <Checkbox
                      checked={granted === OBJECT_RIGHTS.length}
                      indeterminate={granted > 0 && granted < OBJECT_RIGHTS.length}
                      aria-label={t('setup.permissionSets.rowAll', { object: object.label })}
                      onChange={(event) => onChange({ ...rights, [object.name]: setRow(event.target.checked) })}
                    >
                      {object.label}
                    </Checkbox>
                    {problems && (
                      <div className="permission-matrix-error" role="alert">
                        {problems.join(' ')}
                      </div>
                    )}
                  </th>
                  {OBJECT_RIGHTS.map((name) => (
                    <td key={name}>
                      <Checkbox
                        checked={row[name] === true}
                        aria-label={t('setup.permissionSets.cell', { object: object.label, right: right(name) })}
                        onChange={(event) => onChange({ ...rights, [object.name]: setObjectRight(row, name, event.target.checked) })}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
