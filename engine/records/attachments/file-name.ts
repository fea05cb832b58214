/** The longest file name kept; longer ones keep their end (the extension) and lose their middle. */
const MAX_NAME_LENGTH = 200;

/**
 * A file name as the user gave it, made harmless to keep and to send back: no directories (only
 * what follows the last / or \), no control characters, no leading dots, never empty. The name
 * never reaches the file system (blobs are named by id); this is for the Content-Disposition header
 * and for the list, so that `../../etc/passwd` is shown and saved as `passwd`.
 */
export function safeFileName(given: string): string {
  const base = given.split(/[\\/]/).pop() ?? '';
  // eslint-free control-character class: C0, DEL and C1, plus the bidi overrides that disguise extensions
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim().replace(/^\.+/, '');
  const name = cleaned === '' ? 'file' : cleaned;
  if (name.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

/** Content-Disposition with the name in ASCII (anything else as _) and in UTF-8 (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
