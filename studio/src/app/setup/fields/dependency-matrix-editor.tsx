import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import './dependency-matrix.css';
import { columnState, isAllowed, setCell, setWholeColumn, type Dependencies } from './dependency-matrix';

/** A value of either field with its label in the page's language. */
export interface MatrixValue {
  readonly value: string;
  readonly label: string;
}

interface DependencyMatrixEditorProps {
  readonly id?: string;
  readonly value?: Dependencies;
  readonly onChange?: (dependencies: Dependencies) => void;
  /** The columns: the controlling field's values. */
  readonly controlling: readonly MatrixValue[];
  /** The rows: this field's values as the values editor holds them. */
  readonly dependent: readonly MatrixValue[];
}

/**
 * The dependency map as a table (a Form.Item passes value and onChange): a checkbox per cell named
 * "<value> when <controlling value>", and above each column a checkbox ticking or clearing it
 * whole. It scrolls sideways inside itself on a narrow screen, the row names staying in view.
 */
export function DependencyMatrixEditor({ id, value, onChange, controlling, dependent }: DependencyMatrixEditorProps) {
  const { t } = useTranslation();
  const columns = controlling.map((entry) => entry.value);
  const rows = dependent.map((entry) => entry.value);
  if (dependent.length === 0) return <p id={id} className="field-preview">{t('setup.fieldDependency.noValues')}</p>;

  return (
    <div id={id} className="dependency-matrix">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('setup.fieldDependency.valuesHeader')}</th>
            {controlling.map((column) => {
              const state = columnState(value, column.value, rows);
              return (
                <th scope="col" key={column.value}>
                  <Checkbox
                    aria-label={t('setup.fieldDependency.column', { controlling: column.label })}
                    checked={state === 'all'}
                    indeterminate={state === 'some'}
                    onChange={(event) => onChange?.(setWholeColumn(value, column.value, event.target.checked, columns, rows))}
                  >
                    {column.label}
                  </Checkbox>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {dependent.map((row) => (
            <tr key={row.value}>
              <th scope="row">{row.label}</th>
              {controlling.map((column) => (
                <td key={column.value}>
                  <Checkbox
                    aria-label={t('setup.fieldDependency.cell', { dependent: row.label, controlling: column.label })}
                    checked={isAllowed(value, column.value, row.value)}
                    onChange={(event) => onChange?.(setCell(value, column.value, row.value, event.target.checked, columns, rows))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
