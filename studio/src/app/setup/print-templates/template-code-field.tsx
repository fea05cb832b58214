import { Form, Input } from 'antd';
import { lazy, Suspense } from 'react';

const TemplateCodeEditor = lazy(() => import('./template-code-editor'));

interface TemplateCodeFieldProps {
  readonly id?: string;
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  readonly 'aria-label'?: string;
}

/** A template part as a form control: CodeMirror once its chunk is here (a plain text area until then), the item's errors underlined by line. */
export function TemplateCodeField(props: TemplateCodeFieldProps) {
  const { errors } = Form.Item.useStatus();
  const problems = errors.filter((error): error is string => typeof error === 'string');
  return (
    <Suspense fallback={<Input.TextArea id={props.id} value={props.value} onChange={(event) => props.onChange?.(event.target.value)} autoSize={{ minRows: 4 }} aria-label={props['aria-label']} />}>
      <TemplateCodeEditor {...props} problems={problems} />
    </Suspense>
  );
}
