export { printRecord, previewPrint, type PrintedRecord } from './render-print.js';
export { PdfRenderer, DEFAULT_CHROMIUM, type PdfSettings } from './pdf-renderer.js';
export { capitalAmount } from './capital-amount.js';
