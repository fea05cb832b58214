export { attachFile, type FileUpload } from './attach-file.js';
export { listAttachments } from './list-attachments.js';
export { openAttachment } from './open-attachment.js';
export { deleteAttachment } from './delete-attachment.js';
export { unlinkAttachments, deleteBlobs } from './purge-attachments.js';
export { ATTACHMENT_INDEXES, ATTACHMENTS_COLLECTION, DEFAULT_FILE_SIZE_LIMIT, type AttachmentView } from './attachment.js';
export { isPreviewable } from './content-type.js';
export { contentDisposition, safeFileName } from './file-name.js';
