import type { OperationContext } from '../../context/index.js';
import { msg } from '../../i18n/message.js';
import type { LocalizedText } from '../../schemas/generated/common.js';
import { checkSystemRight } from '../../security/object-access.js';

/** A kind a pack installed in the tenant adds, as the studio and scripts learn of it. */
export interface PackKindView {
  readonly kind: string;
  readonly pack: string;
  readonly label: LocalizedText;
  readonly plural: string;
  /** Its path under /api/v1/meta, and its folder in a pack's metadata/. */
  readonly path: string;
  /** The property naming the object its definitions belong to, for a kind that has one. */
  readonly objectProperty?: string;
  /** The JSON Schema of one definition. */
  readonly schema: unknown;
}

/** The kinds the tenant's packs add (GET /api/v1/meta/kinds), by name: administrators only, as their definitions are. */
export function listPackKinds(ctx: OperationContext): PackKindView[] {
  checkSystemRight(ctx, 'manageMetadata', msg`Only users who may manage metadata (administrators) can read the kinds packs add.`);
  return ctx.snapshot.packKinds.all().map(({ kind, pack, label, plural, path, schema, declaration }) => ({
    kind,
    pack,
    label,
    plural,
    path,
    ...(declaration.objectProperty ? { objectProperty: declaration.objectProperty } : {}),
    schema,
  }));
}
