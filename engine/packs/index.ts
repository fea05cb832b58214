export { installPack, planInstall, type PackInstall } from './install-pack.js';
export { INSTALLED_PACKS, type InstalledPack } from './installed-packs.js';
export { listPacks, type InstalledPackView } from './list-packs.js';
export { packFromBody } from './pack-body.js';
export { KIND_FOLDERS, itemKey, type PackItem } from './pack-items.js';
export { availablePack, availablePacks, DEFAULT_PACKS_DIR, type AvailablePack } from './pack-sources.js';
export { planPack, type ItemAction, type PackPlan, type PlannedItem, type Resolutions } from './plan-pack.js';
export { readPack, type Pack } from './read-pack.js';
export { threeWayMerge, type MergeConflict, type MergeResult, type Resolution } from './three-way-merge.js';
