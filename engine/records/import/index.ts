export { IMPORT_JOB, IMPORTS, IMPORT_STATUSES, DATE_ORDERS, type ColumnMapping, type ImportSettings, type ImportStatus } from './import-doc.js';
export { uploadImport, DEFAULT_IMPORT_FILE_LIMIT, MAX_IMPORT_ROWS, type UploadedImport } from './upload-import.js';
export { startImport, cancelImport } from './start-import.js';
export { deleteImport } from './delete-import.js';
export { ownImport, presentImport, listProblems, PROBLEM_PAGE, type ImportView, type ProblemView } from './import-view.js';
export { writeErrorFile } from './error-file.js';
export { runImportJob } from './run-import-job.js';
export { suggestMapping, comparable } from './column-mapping.js';
