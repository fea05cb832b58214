import { Alert } from 'antd';

/** What a setup form could not put on a control: the first line as the title, the rest below. */
export function FormErrorsAlert({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return <Alert type="error" showIcon role="alert" className="setup-form-alert" title={errors[0]} description={errors.length > 1 ? errors.slice(1).join('\n') : undefined} />;
}
