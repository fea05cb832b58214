export { listObjects, getObject, createObject, replaceObject, patchObject, deleteObject, requireObject } from './object-operations.js';
export { listFields, getField, addField, updateField, deleteField } from './field-operations.js';
export { counterId } from './field-migration.js';
