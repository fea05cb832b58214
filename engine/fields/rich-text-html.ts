import sanitizeHtml from 'sanitize-html';

/**
 * The HTML a rich text value may hold: paragraphs, line breaks, bold, italic, underline, strike,
 * links to http(s) and mailto (opened with rel=noopener), lists, headings 2 to 4, quotes and code.
 * Everything else is dropped: other tags keep only their text, script, style and the like lose
 * their content too, and no attribute but a link's href (and the rel the sanitiser sets) survives.
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/** The value as stored: the sanitised HTML (run at every write, whoever writes). */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, POLICY);
}

/**
 * The regular expression of `contains` on rich text: the text as the sanitiser escapes it, inside
 * one text node (after the start or a tag's `>`, with no `<` between). Sanitised HTML has no raw
 * `<` or `>` in its text or attribute values, so a search for `strong` does not find every bold word.
 */
export function richTextSearchPattern(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `(?:^|>)[^<]*?${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
}
