import { Input } from 'antd';

/** What kind of expression is edited: it decides what the expression may read and what it must return. */
export type ExpressionPurpose = 'formula' | 'validationRule' | 'default' | 'condition';

export interface ExpressionInputProps {
  /** The form control's id, so a label's htmlFor and the server's error focus reach it. */
  readonly id?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The object whose records the expression reads (fields and parent paths are completed from it). */
  readonly object: string;
  readonly purpose: ExpressionPurpose;
  /** The server's error on this expression, with jsonata's position when it has one (underlined there). */
  readonly error?: { readonly message: string; readonly position?: number };
  readonly 'aria-label'?: string;
  readonly 'aria-describedby'?: string;
}

/**
 * The one control every setup editor uses for a JSONata expression (formulas, validation rules,
 * default values, process conditions). This plain version is the contract; the code editor with
 * highlighting, completion and the server's errors underlined replaces its inside.
 */
export function ExpressionInput({ id, value, onChange, error, ...aria }: ExpressionInputProps) {
  return (
    <Input.TextArea
      id={id}
      className="expression-input"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoSize={{ minRows: 2, maxRows: 12 }}
      spellCheck={false}
      status={error ? 'error' : undefined}
      aria-invalid={error ? true : undefined}
      aria-label={aria['aria-label']}
      aria-describedby={aria['aria-describedby']}
    />
  );
}
