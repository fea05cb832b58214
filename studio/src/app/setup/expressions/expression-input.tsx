import type { EditorView } from '@codemirror/view';
import { Form, Input } from 'antd';
import { NoFormStyle } from 'antd/es/form/context';
import { lazy, Suspense, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { errorRange } from './expression-error-range';
import { ExpressionPreview } from './expression-preview';
import { useCompletionCandidates } from './use-completion-candidates';
import { useExpressionCheck } from './use-expression-check';

// CodeMirror is a chunk of its own (see bundle-budget.spec.ts): the form works with the plain text area until it arrives.
const ExpressionCodeEditor = lazy(() => import('./expression-code-editor'));

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
  /** Form.Item focuses the control through this when the server's error is on it. */
  readonly ref?: Ref<{ focus: () => void }>;
}

/**
 * The one control every setup editor uses for a JSONata expression (formulas, validation rules,
 * default values, process conditions): a code editor with JSONata highlighting, completion of the
 * object's fields and parent paths, the error underlined where the engine found it, and under it
 * a live preview of the value on a record the admin picks.
 */
export function ExpressionInput({ id, value = '', onChange, object, error, ref, ...aria }: ExpressionInputProps) {
  const view = useRef<EditorView | null>(null);
  // Whether the admin is typing in the text area when the code editor arrives: it then takes the focus, cursor at the end.
  const typingInPlain = useRef(false);
  const [recordId, setRecordId] = useState<string | undefined>();
  // While the completion list is open the word is half typed: the engine's complaint about it waits.
  const [completing, setCompleting] = useState(false);
  const candidates = useCompletionCandidates(object);
  const checked = useExpressionCheck(object, value, recordId);
  const live = completing && checked.check.state === 'problem' ? { ...checked, check: { state: 'idle' } as const } : checked;
  // Inside a Form.Item, the error antd shows under the control (the save's refusal) is underlined too.
  const itemErrors = Form.Item.useStatus().errors;

  // The problem underlined: the one given, else the live check's (only while it is about this very text), else the form's.
  const problem = error ?? (live.check.state === 'problem' && live.source === value ? live.check.problem : undefined) ?? (itemErrors.length > 0 ? { message: itemErrors.map(String).join(' ') } : undefined);
  const underline = useMemo(() => (problem ? { ...errorRange(value, problem.position), message: problem.message } : undefined), [value, problem?.message, problem?.position]);

  // A problem the form already shows under the control is not repeated by the preview.
  const previewCheck = live.check.state === 'problem' && itemErrors.map(String).includes(live.check.problem.message) ? ({ state: 'idle' } as const) : live.check;

  useImperativeHandle(ref, () => ({ focus: () => (view.current ? view.current.focus() : document.getElementById(id ?? '')?.focus()) }), [id]);

  const plain = (
    <Input.TextArea
      id={id}
      className="expression-input"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onFocus={() => (typingInPlain.current = true)}
      onBlur={() => (typingInPlain.current = false)}
      autoSize={{ minRows: 2, maxRows: 12 }}
      spellCheck={false}
      status={problem ? 'error' : undefined}
      aria-invalid={problem ? true : undefined}
      aria-label={aria['aria-label']}
      aria-describedby={aria['aria-describedby']}
    />
  );
  return (
    <div className="expression-input-frame">
      <Suspense fallback={plain}>
        <ExpressionCodeEditor
          id={id}
          value={value}
          onChange={onChange}
          candidates={candidates}
          underline={underline}
          aria-label={aria['aria-label']}
          aria-describedby={aria['aria-describedby']}
          onView={(created) => {
            view.current = created;
            if (created && typingInPlain.current) {
              typingInPlain.current = false;
              created.focus();
              created.dispatch({ selection: { anchor: created.state.doc.length } });
            }
          }}
          onCompleting={setCompleting}
        />
      </Suspense>
      {/* The form item's error status is the expression's, not the record picker's. */}
      <NoFormStyle status override>
        <ExpressionPreview id={id ? `${id}_preview` : undefined} object={object} recordId={recordId} onRecord={setRecordId} check={previewCheck} checking={live.checking && value.trim() !== ''} />
      </NoFormStyle>
    </div>
  );
}
