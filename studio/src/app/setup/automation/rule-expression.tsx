import { Form } from 'antd';
import { ExpressionInput, type ExpressionPurpose } from '../expressions/expression-input';

interface RuleExpressionProps {
  /** Given by the Form.Item around it. */
  readonly id?: string;
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  readonly object: string;
  readonly purpose: ExpressionPurpose;
  readonly 'aria-label'?: string;
}

/**
 * The shared expression control as a form control of the rule: the Form.Item's value, and its
 * error (the server's, once it names this expression) handed to the control to mark.
 */
export function RuleExpression({ id, value, onChange, object, purpose, 'aria-label': label }: RuleExpressionProps) {
  const { errors } = Form.Item.useStatus();
  const message = errors.find((error): error is string => typeof error === 'string');
  return <ExpressionInput id={id} value={value ?? ''} onChange={(next) => onChange?.(next)} object={object} purpose={purpose} error={message ? { message } : undefined} aria-label={label} />;
}
