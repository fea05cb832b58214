export { checkObjectRight, ownershipAccess, recordAccess, withAccess, type AccessMode, type RecordAccess } from './record-access.js';
export { userAccess, type FieldAccess, type UserAccess } from './user-access.js';
export { fieldAccess } from './field-access.js';
export { forgetUserDirectory, groupMembers, userDirectory } from './user-directory.js';
export { rightsKey, visibleSnapshot } from './visible-metadata.js';
