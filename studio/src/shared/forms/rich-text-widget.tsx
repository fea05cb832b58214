import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { FormValues } from './form-definition';

/** The editor and its library load only when a form with a rich text field opens. */
const RichTextEditor = lazy(() => import('./rich-text-editor'));

/** rjsf's widget for a rich text field: the server's HTML in, the editor's HTML out. */
export function RichTextWidget(props: WidgetProps<FormValues, RJSFSchema>) {
  return (
    <Suspense fallback={<Skeleton.Input active block />}>
      <RichTextEditor
        id={props.id}
        label={props.label}
        value={typeof props.value === 'string' ? props.value : undefined}
        disabled={Boolean(props.disabled || props.readonly)}
        invalid={(props.rawErrors?.length ?? 0) > 0}
        onChange={(html) => props.onChange(html)}
        onBlur={() => props.onBlur(props.id, props.value)}
      />
    </Suspense>
  );
}
