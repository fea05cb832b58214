export { checkPackDefinition, compilePackKinds } from './compile-pack-kinds.js';
export { definePackKind } from './define-pack-kind.js';
export type { PackDefinition, PackKind, PackKindDeclaration } from './pack-kind.js';
export { NO_PACK_KINDS, PackKindSet, type KeptPackDefinition } from './pack-kind-set.js';
export { kindIn, tenantKinds, type AnyKind, type KindName } from './tenant-kinds.js';
