import { autocompletion, completionStatus, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { StreamLanguage } from '@codemirror/language';
import { linter, setDiagnostics } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import CodeMirror, { type BasicSetupOptions } from '@uiw/react-codemirror';
import { useEffect, useMemo, useRef, useState } from 'react';
import { completionsAt, type CompletionCandidate } from './expression-completions';
import './expression-code-editor.css';
import type { SourceRange } from './expression-error-range';
import { readToken, TOKEN_TAGS } from './expression-tokens';

export interface ExpressionCodeEditorProps {
  readonly id?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly candidates: readonly CompletionCandidate[];
  /** The problem to underline, its range already placed in `value`. */
  readonly underline?: SourceRange & { readonly message: string };
  readonly 'aria-label'?: string;
  readonly 'aria-describedby'?: string;
  readonly onView: (view: EditorView | null) => void;
  /** Whether the completion list is open: the word before the cursor is still being chosen. */
  readonly onCompleting: (completing: boolean) => void;
}

/** JSONata, highlighted token by token with the same reader the tests check (no maintained JSONata mode exists). */
const jsonata = StreamLanguage.define<null>({
  name: 'jsonata',
  startState: () => null,
  token(stream) {
    const token = readToken(stream.string, stream.pos);
    stream.pos = token.to;
    return TOKEN_TAGS[token.kind];
  },
});

/**
 * A one-expression editor: no line numbers, folding or search, and Tab leaves it (indentWithTab is
 * off and no Tab binding is added), so keyboard users are never trapped in a form.
 */
const SETUP: BasicSetupOptions = {
  lineNumbers: false,
  foldGutter: false,
  highlightActiveLine: false,
  highlightActiveLineGutter: false,
  searchKeymap: false,
  foldKeymap: false,
  autocompletion: false,
  crosshairCursor: false,
  rectangularSelection: false,
};

/**
 * The diagnostics' state, set only by setDiagnostics from the server's answer (no linter runs here).
 * It must be among the extensions: one that setDiagnostics appends itself is dropped, with the
 * underline, whenever the extensions are reconfigured (as when aria-invalid changes).
 */
const serverDiagnostics = linter(null);

const KIND_TYPES: Record<CompletionCandidate['kind'], string> = { field: 'variable', parent: 'property', function: 'function' };

/** The CodeMirror 6 inside ExpressionInput; a chunk of its own, loaded only when an expression is edited. */
export default function ExpressionCodeEditor({ id, value, onChange, candidates, underline, onView, onCompleting, ...aria }: ExpressionCodeEditorProps) {
  const [labelledBy, setLabelledBy] = useState<string | undefined>(undefined);
  const [view, setView] = useState<EditorView | null>(null);
  // The completion source is made once; the candidates grow as parent objects load.
  const candidatesRef = useRef(candidates);
  candidatesRef.current = candidates;
  const completingRef = useRef(onCompleting);
  completingRef.current = onCompleting;

  const completion = useMemo(
    () =>
      autocompletion({
        override: [
          (context: CompletionContext): CompletionResult | null => {
            const found = completionsAt(context.state.doc.toString(), context.pos, candidatesRef.current);
            if (!found) return null;
            return { from: found.from, options: found.options.map((option) => ({ label: option.label, detail: option.detail, type: KIND_TYPES[option.kind] })) };
          },
        ],
      }),
    [],
  );
  // The content element is the control: it carries the form's id (label htmlFor, the server error's focus) and its name.
  const attributes = useMemo(
    () =>
      EditorView.contentAttributes.of({
        ...(id ? { id } : {}),
        ...(aria['aria-label'] ? { 'aria-label': aria['aria-label'] } : labelledBy ? { 'aria-labelledby': labelledBy } : {}),
        ...(aria['aria-describedby'] ? { 'aria-describedby': aria['aria-describedby'] } : {}),
        ...(underline ? { 'aria-invalid': 'true' } : {}),
        spellcheck: 'false',
      }),
    [id, aria['aria-label'], aria['aria-describedby'], underline, labelledBy],
  );
  const completing = useMemo(
    () =>
      EditorView.updateListener.of((update) => {
        const before = completionStatus(update.startState) !== null;
        const after = completionStatus(update.state) !== null;
        if (before !== after) completingRef.current(after);
      }),
    [],
  );
  const extensions = useMemo(() => [jsonata, serverDiagnostics, completion, completing, attributes, EditorView.lineWrapping], [completion, completing, attributes]);

  useEffect(() => () => onView(null), []);

  useEffect(() => {
    if (!view) return;
    view.dispatch(setDiagnostics(view.state, underline ? [{ from: underline.from, to: underline.to, severity: 'error', message: underline.message }] : []));
  }, [view, underline]);

  // A label's htmlFor neither names nor focuses a contenteditable: the label names the editor by its
  // id (given one when it has none), and a click on it focuses the editor.
  useEffect(() => {
    if (!view || !id) return;
    const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
    if (label) {
      label.id ||= `${id}_label`;
      setLabelledBy(label.id);
    }
    const focus = () => view.focus();
    label?.addEventListener('click', focus);
    return () => label?.removeEventListener('click', focus);
  }, [view, id]);

  return (
    <CodeMirror
      className={`expression-editor${underline ? ' expression-editor-error' : ''}`}
      value={value}
      onChange={(next) => onChange(next)}
      basicSetup={SETUP}
      indentWithTab={false}
      extensions={extensions}
      minHeight="52px"
      maxHeight="240px"
      onCreateEditor={(created) => {
        setView(created);
        onView(created);
      }}
    />
  );
}
