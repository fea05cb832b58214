import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import { Form, Input } from 'antd';
import { useState } from 'react';
import type { FormValues } from './form-definition';

/**
 * An object or array edited as JSON text. Text that does not parse is sent as it is, so the
 * server's message about it lands on this field like any other.
 */
export function JsonField(props: FieldProps<FormValues, RJSFSchema>) {
  const id = props.fieldPathId.$id;
  const [text, setText] = useState(() => (props.formData === undefined ? '' : JSON.stringify(props.formData, null, 2)));
  const errors = props.rawErrors ?? [];
  return (
    <Form.Item
      label={props.schema.title ?? props.name}
      htmlFor={id}
      required={props.required}
      help={errors.length > 0 ? errors.join(' ') : props.schema.description}
      validateStatus={errors.length > 0 ? 'error' : undefined}
    >
      <Input.TextArea
        id={id}
        value={text}
        autoSize={{ minRows: 2, maxRows: 10 }}
        disabled={props.disabled || props.readonly}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === '') return props.onChange(undefined, props.fieldPathId.path);
          try {
            props.onChange(JSON.parse(event.target.value) as FormValues, props.fieldPathId.path);
          } catch {
            props.onChange(event.target.value as unknown as FormValues, props.fieldPathId.path);
          }
        }}
      />
    </Form.Item>
  );
}
