import { BoldOutlined, ItalicOutlined, OrderedListOutlined, StrikethroughOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './rich-text-editor.css';

export interface RichTextEditorProps {
  readonly id: string;
  readonly label: string;
  readonly value: string | undefined;
  readonly disabled: boolean;
  readonly invalid: boolean;
  readonly onChange: (html: string | undefined) => void;
  readonly onBlur: () => void;
}

/**
 * Rich text editing with tiptap (ProseMirror): no eval and no inline script, so it runs under the
 * strict CSP. Only what the server keeps can be made: paragraphs, bold, italic, underline, strike,
 * headings 2 to 4, lists, quotes, code, links. The HTML it produces is sanitised again by the server.
 */
export default function RichTextEditor({ id, label, value, disabled, invalid, onChange, onBlur }: RichTextEditorProps) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3, 4] }, horizontalRule: false, link: { openOnClick: false, protocols: ['mailto'] } })],
    content: value ?? '',
    editable: !disabled,
    editorProps: {
      attributes: { id, role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, 'aria-invalid': String(invalid), class: 'rich-text-content' },
    },
    // The editor keeps an empty paragraph at the end to type into; it is not part of the value.
    onUpdate: ({ editor: changed }) => onChange(changed.isEmpty ? undefined : changed.getHTML().replace(/(<p><\/p>)+$/, '')),
    onBlur: () => onBlur(),
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: current }: { editor: Editor }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      strike: current.isActive('strike'),
      heading: current.isActive('heading', { level: 2 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
    }),
  });

  const tool = (name: keyof typeof active, icon: ReactNode, run: () => void, text: string) => (
    <Tooltip title={text}>
      <Button size="small" type={active[name] ? 'primary' : 'text'} icon={icon} aria-label={text} aria-pressed={active[name]} disabled={disabled} onClick={run}>
        {icon ? null : text.slice(0, 1)}
      </Button>
    </Tooltip>
  );
  const chain = () => editor.chain().focus();

  return (
    <div className={`rich-text-editor${invalid ? ' rich-text-invalid' : ''}`}>
      <div className="rich-text-toolbar" role="toolbar" aria-label={t('richText.toolbar')} aria-controls={id}>
        {tool('bold', <BoldOutlined />, () => chain().toggleBold().run(), t('richText.bold'))}
        {tool('italic', <ItalicOutlined />, () => chain().toggleItalic().run(), t('richText.italic'))}
        {tool('strike', <StrikethroughOutlined />, () => chain().toggleStrike().run(), t('richText.strike'))}
        {tool('heading', <span className="rich-text-h">H</span>, () => chain().toggleHeading({ level: 2 }).run(), t('richText.heading'))}
        {tool('bulletList', <UnorderedListOutlined />, () => chain().toggleBulletList().run(), t('richText.bulletList'))}
        {tool('orderedList', <OrderedListOutlined />, () => chain().toggleOrderedList().run(), t('richText.orderedList'))}
        {tool('blockquote', <span className="rich-text-h">❝</span>, () => chain().toggleBlockquote().run(), t('richText.quote'))}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
