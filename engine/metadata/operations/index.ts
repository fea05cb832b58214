export { listObjects, getObject, createObject, replaceObject, patchObject, deleteObject } from './object-operations.js';
export { requireObject } from './require-object.js';
export { listFields, getField, addField, updateField, deleteField } from './field-operations.js';
export { counterId } from './field-migration.js';
export { listDefinitions, getDefinition, getSetupDefinition, createDefinition, replaceDefinition, deleteDefinition } from './definition-operations.js';
export { DEFINITION_KINDS, type StandaloneKind } from './definition-kinds.js';
export { testExpression, type ExpressionTest } from './test-expression.js';
export { listCurrencies, getCurrency, putCurrency, deleteCurrency } from './currency-operations.js';
export { listMetadataHistory, type MetadataHistoryEntry } from './metadata-history.js';
