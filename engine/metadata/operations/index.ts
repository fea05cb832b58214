export { listObjects, getObject, createObject, replaceObject, patchObject, deleteObject } from './object-operations.js';
export { requireObject } from './require-object.js';
export { listFields, getField, addField, updateField, deleteField } from './field-operations.js';
export { counterId } from './field-migration.js';
export { listLayouts, getLayout, createLayout, replaceLayout, deleteLayout } from './layout-operations.js';
export { testExpression, type ExpressionTest } from './test-expression.js';
export { listCurrencies, getCurrency, putCurrency, deleteCurrency } from './currency-operations.js';
