import { ConflictError } from '../errors/index.js';
import { msg } from '../i18n/message.js';

/**
 * 409: the stored metadata moved past the snapshot a change was planned from (another server
 * committed a change meanwhile). The registry reloads and plans once more before answering this.
 */
export class MetadataChangedError extends ConflictError {
  constructor() {
    super('metadata_changed', msg`The metadata was changed by another server while this change was being made. Nothing was applied: try again.`);
  }
}
