import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import type { FormValues } from './form-definition';
import { LookupSelect } from './lookup-select';

/** A lookup in a generated form: the search-as-you-type picker, storing the id. */
export function LookupWidget(props: WidgetProps<FormValues, RJSFSchema>) {
  return (
    <LookupSelect
      id={props.id}
      target={String(props.options.target ?? '')}
      value={typeof props.value === 'string' && props.value ? props.value : undefined}
      onChange={(id) => props.onChange(id)}
      ariaLabel={props.label}
      disabled={props.disabled || props.readonly}
      onBlur={() => props.onBlur(props.id, props.value)}
      onFocus={() => props.onFocus(props.id, props.value)}
    />
  );
}
