import type { Request, Response } from 'express';
import { itemEtag, parseMetadataIfMatch, type MetadataItem } from '../metadata/definition-etag.js';
import type { OperationContext } from '../context/index.js';

/**
 * A metadata change's context with its If-Match: the editor sends the ETag it read, and the change
 * is refused with 412 if the item changed since (two admins editing one definition do not
 * overwrite each other unknowingly). Without the header, the change applies to what is current, as
 * scripts expect.
 */
export async function conditionalContext(context: (req: Request) => Promise<OperationContext>, req: Request, item: MetadataItem): Promise<OperationContext> {
  const ctx = await context(req);
  const etag = parseMetadataIfMatch(req.get('if-match'));
  return etag === undefined ? ctx : { ...ctx, precondition: { item, etag } };
}

/** Sends one item's ETag (header, and `etag` in the body for clients that do not read headers) with its read. */
export function withEtag<T extends object>(res: Response, ctx: OperationContext, item: MetadataItem, body: T): T & { etag?: string } {
  const etag = itemEtag(ctx.snapshot, item);
  if (!etag) return body;
  res.set('ETag', etag);
  return { ...body, etag };
}

/**
 * A write's answer with the ETag of what it stored, so that an editor that stays open sends its
 * next change conditional on its own: taken from the tenant's snapshot when that is still the one
 * the write produced (another change may have landed since; then there is no tag and the editor reads again).
 */
export function withWrittenEtag<T extends { version: number; definition?: unknown }>(res: Response, ctx: OperationContext, item: (definition: { name: string }) => MetadataItem, result: T): T & { etag?: string } {
  const after = ctx.tenant.metadata.snapshot;
  const definition = result.definition as { name?: unknown } | undefined;
  if (after.version !== result.version || typeof definition?.name !== 'string') return result;
  const etag = itemEtag(after, item({ name: definition.name }));
  if (!etag) return result;
  res.set('ETag', etag);
  return { ...result, etag };
}
