export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_FILE, BackupFormatError, readManifest, type BackupManifest, type BackedUpTenant } from './backup-format.js';
export { createBackup, BackupUnsupportedError, type BackupOptions } from './create-backup.js';
export { listBackups } from './list-backups.js';
export { restoreTenant, restoreDataDirectory, type RestoredTenant } from './restore-backup.js';
export { keptBackups, type RetentionPolicy } from './backup-retention.js';
export { BACKUP_JOB, DEFAULT_BACKUP_RETENTION, scheduledBackup, scheduleBackups, pruneScheduledBackups, type BackupSettings } from './scheduled-backups.js';
