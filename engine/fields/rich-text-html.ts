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

/** Tags that end a line of text: their words are not run into the next ones. */
const BLOCK_TAG = /<\/?(?:p|br|li|ul|ol|h2|h3|h4|blockquote|pre)\b[^>]*>/gi;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of a stored (sanitised) rich text value: no tags, no attributes, entities decoded,
 * white space collapsed; null when there is none. Sanitised HTML has no raw `<` or `>` in its text
 * or attribute values (the sanitiser escapes them), so a tag is exactly a `<…>`.
 */
export function richTextPlainText(html: string): string | null {
  const text = html
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (entity, decimal?: string, hex?: string, name?: string) => {
      const code = decimal ? Number(decimal) : hex ? parseInt(hex, 16) : undefined;
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      return ENTITIES[name!.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text;
}
