import { StreamLanguage } from '@codemirror/language';
import { linter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import CodeMirror, { type BasicSetupOptions } from '@uiw/react-codemirror';
import { useEffect, useMemo, useState } from 'react';
import { problemLine } from './print-template-definition';
import '../expressions/expression-code-editor.css';
import './print-templates.css';

export interface TemplateCodeEditorProps {
  readonly id?: string;
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  readonly 'aria-label'?: string;
  readonly 'aria-describedby'?: string;
  /** The server's problems with this part ("line 3: …"): each underlines its line. */
  readonly problems?: readonly string[];
}

/** Handlebars inside HTML: mustaches, tags, attribute values and comments, enough to read a template at a glance. */
const handlebarsHtml = StreamLanguage.define<{ inTag: boolean }>({
  name: 'handlebars-html',
  startState: () => ({ inTag: false }),
  token(stream, state) {
    if (stream.match('{{!--')) {
      stream.skipTo('--}}') ? stream.match('--}}') : stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('{{')) {
      stream.skipTo('}}') ? stream.match('}}') : stream.skipToEnd();
      return 'keyword';
    }
    if (stream.match('<!--')) {
      stream.skipTo('-->') ? stream.match('-->') : stream.skipToEnd();
      return 'comment';
    }
    if (!state.inTag && stream.match(/^<\/?[A-Za-z][\w-]*/)) {
      state.inTag = true;
      return 'tagName';
    }
    if (state.inTag) {
      if (stream.match(/^\/?>/)) {
        state.inTag = false;
        return 'tagName';
      }
      if (stream.match(/^"[^"]*"?/) || stream.match(/^'[^']*'?/)) return 'string';
      if (stream.match(/^[\w-:]+/)) return 'attributeName';
    }
    stream.next();
    return null;
  },
});

/** Line numbers (the server's messages name lines), no folding or search; Tab leaves the editor, so keyboards are never trapped. */
const SETUP: BasicSetupOptions = {
  foldGutter: false,
  highlightActiveLine: false,
  searchKeymap: false,
  foldKeymap: false,
  autocompletion: false,
  crosshairCursor: false,
  rectangularSelection: false,
};

/** Underlines set only from the server's answer. */
const serverDiagnostics = linter(null);

/** A part of a print template (header, body, footer) in CodeMirror 6: a chunk of its own, loaded with the template editor. */
export default function TemplateCodeEditor({ id, value = '', onChange, problems = [], ...aria }: TemplateCodeEditorProps) {
  const [view, setView] = useState<EditorView | null>(null);
  const attributes = useMemo(
    () =>
      EditorView.contentAttributes.of({
        ...(id ? { id } : {}),
        ...(aria['aria-label'] ? { 'aria-label': aria['aria-label'] } : {}),
        ...(aria['aria-describedby'] ? { 'aria-describedby': aria['aria-describedby'] } : {}),
        ...(problems.length > 0 ? { 'aria-invalid': 'true' } : {}),
        'aria-multiline': 'true',
        spellcheck: 'false',
      }),
    [id, aria['aria-label'], aria['aria-describedby'], problems.length],
  );
  const extensions = useMemo(() => [handlebarsHtml, serverDiagnostics, attributes, EditorView.lineWrapping], [attributes]);

  useEffect(() => {
    if (!view) return;
    const diagnostics: Diagnostic[] = [];
    for (const message of problems) {
      const number = problemLine(message);
      if (number === undefined || number < 1 || number > view.state.doc.lines) continue;
      const line = view.state.doc.line(number);
      diagnostics.push({ from: line.from, to: Math.max(line.to, line.from), severity: 'error', message });
    }
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }, [view, problems]);

  return (
    <CodeMirror
      className={`expression-editor template-editor${problems.length > 0 ? ' expression-editor-error template-editor-error' : ''}`}
      value={value}
      onChange={(next) => onChange?.(next)}
      basicSetup={SETUP}
      indentWithTab={false}
      extensions={extensions}
      minHeight="80px"
      maxHeight="480px"
      onCreateEditor={setView}
    />
  );
}
