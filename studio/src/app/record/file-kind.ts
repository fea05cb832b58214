/** What the preview can show, by declared type and the extensions that go with it (as the server decides). */
const PREVIEWS: Readonly<Record<string, { readonly kind: 'image' | 'pdf'; readonly extensions: readonly string[] }>> = {
  'image/png': { kind: 'image', extensions: ['png'] },
  'image/jpeg': { kind: 'image', extensions: ['jpg', 'jpeg'] },
  'image/gif': { kind: 'image', extensions: ['gif'] },
  'image/webp': { kind: 'image', extensions: ['webp'] },
  'image/avif': { kind: 'image', extensions: ['avif'] },
  'application/pdf': { kind: 'pdf', extensions: ['pdf'] },
};

/** How a file can be previewed: as an image, as a PDF, or not at all (HTML, SVG and the rest are only downloaded). */
export function previewKind(contentType: string, name: string): 'image' | 'pdf' | null {
  const preview = PREVIEWS[contentType];
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return preview && preview.extensions.includes(extension) ? preview.kind : null;
}

/** A size as people read it, in the units the server's limit message uses (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}

/**
 * A size refused for being over a limit: one decimal, rounded up, so that a file one byte over
 * 25 MB reads 25.1 MB and never "25 MB", the limit itself (as the server's 413 says it).
 */
export function formatSizeOver(bytes: number): string {
  const [unit, name] = bytes >= 1024 * 1024 ? [1024 * 1024, 'MB'] : bytes >= 1024 ? [1024, 'KB'] : [1, 'B'];
  if (unit === 1) return `${bytes} ${name}`;
  return `${(Math.ceil((bytes / unit) * 10) / 10).toFixed(1)} ${name}`;
}
