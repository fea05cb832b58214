import { createElement, type ReactNode } from 'react';

/** The tags the server's sanitiser keeps; anything else found here shows only its text. */
const TAGS = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre']);
const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * A rich text value, shown formatted. The server stores it sanitised; here it is sanitised a second
 * time by construction: the HTML is parsed inertly (in a template, which runs no script and loads nothing) and
 * rebuilt as React elements from the allowed tags alone, with no attribute but a safe link's href.
 * No HTML string ever reaches the page, so nothing in a value can run, whatever the store holds.
 */
export function RichTextView({ html }: { html: string }) {
  // A template's content belongs to a document without a window: nothing in it loads or runs.
  const template = document.createElement('template');
  template.innerHTML = html;
  return <div className="rich-text-view">{childrenOf(template.content, 'r')}</div>;
}

function childrenOf(node: Node, key: string): ReactNode[] {
  return Array.from(node.childNodes).map((child, index) => toReact(child, `${key}.${index}`));
}

function toReact(node: Node, key: string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  const tag = node.tagName.toLowerCase();
  if (!TAGS.has(tag)) return <span key={key}>{childrenOf(node, key)}</span>;
  if (tag === 'br') return <br key={key} />;
  if (tag === 'a') {
    const href = node.getAttribute('href')?.trim() ?? '';
    const children = childrenOf(node, key);
    return SAFE_LINK.test(href) ? <a key={key} href={href} rel="noopener noreferrer" target="_blank">{children}</a> : <span key={key}>{children}</span>;
  }
  return createElement(tag, { key }, ...childrenOf(node, key));
}
