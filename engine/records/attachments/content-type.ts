/**
 * Types a browser may show inside the app (the preview): raster images and PDF, each with the file
 * name extensions that go with it. Everything else, HTML and SVG above all (they run scripts on
 * this origin), is only ever downloaded.
 */
const PREVIEWABLE: Readonly<Record<string, readonly string[]>> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/avif': ['avif'],
  'application/pdf': ['pdf'],
};

/** A MIME type as the uploader declared it, reduced to `type/subtype` in lower case; octet-stream when missing or malformed. */
export function declaredContentType(header: string | undefined): string {
  const essence = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(essence) ? essence : 'application/octet-stream';
}

/**
 * Whether a file may be shown inline: its declared type is an image or PDF and its name says the
 * same. A page named `x.html` declared as image/png (content-type spoofing) is never inline; served
 * as image/png with nosniff, it could not run anyway, but it is not shown either.
 */
export function isPreviewable(contentType: string, name: string): boolean {
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return PREVIEWABLE[contentType]?.includes(extension) ?? false;
}
