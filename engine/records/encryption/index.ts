export { encryptingStore, unsealedStore } from './encrypting-store.js';
export { encryptedFields } from './sealed-places.js';
export { resealCopies } from './reseal-copies.js';
