export { loadMasterKey, masterKeySettingFromEnv, masterKeyOf, GENERATED_MASTER_KEY_FILE, type MasterKey, type MasterKeySetting } from './master-key.js';
export { TenantKeys, type SealOptions, type SealPurpose } from './tenant-keys.js';
export { sealSecret, openSecret, type KeyHolder } from './seal-secret.js';
export { isSealed, SEALED_PREFIX, type SealMode } from './sealed-format.js';
export { DATA_KEYS, type StoredDataKey } from './data-keys.js';
export { SecretUnreadableError } from './secret-unreadable-error.js';
