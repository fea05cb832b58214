export { catalogueWith, compilePackActions, offerPackActions, runnableActions, tenantActions, withdrawPackActions, withInstallActions, type ActionCatalogue, type CatalogueAction } from './action-catalogue.js';
export type { PackAction, PackActionCall, PackActionResult } from './pack-action.js';
export { packActionProblems, packActionUses, useProblems, type PackActionUse } from './pack-action-uses.js';
export { parseOrText, render, runActions, templateData, type ActionScope } from './run-actions.js';
