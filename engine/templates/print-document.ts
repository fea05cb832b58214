import Handlebars from 'handlebars';
import type { Language } from '../i18n/language.js';
import type { PrintPageSettings } from '../metadata/print-templates/compile-print-template.js';

/** Paper sizes in millimetres, portrait. */
const PAPER: Readonly<Record<PrintPageSettings['size'], readonly [number, number]>> = {
  A3: [297, 420],
  A4: [210, 297],
  A5: [148, 210],
  B5: [176, 250],
  Letter: [215.9, 279.4],
  Legal: [215.9, 355.6],
};

/** The paper's width and height in millimetres, turned for landscape. */
export function paperSize(page: PrintPageSettings): { width: number; height: number } {
  const [short, long] = PAPER[page.size];
  return page.orientation === 'landscape' ? { width: long, height: short } : { width: short, height: long };
}

/** The fonts of a document by its language: each Chinese in its own letterforms (a Traditional text set in SC fonts shows mainland glyphs). */
const FONTS: Readonly<Record<Language, string>> = {
  en: '"Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC", sans-serif',
  'zh-CN': '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  'zh-TW': '"Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif',
};

/**
 * The print style: the page box from the template's paper and margins (`@page`, which Chromium's
 * PDF follows), CJK fonts first for Chinese documents, table headers repeated on every page, rows
 * not cut in half; on screen, the sheet drawn at its size with its margins.
 */
function printStyle(page: PrintPageSettings, language: Language): string {
  const { width } = paperSize(page);
  const { top, right, bottom, left } = page.margins;
  const fonts = FONTS[language];
  return `@page { size: ${page.size} ${page.orientation}; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }
html { font-family: ${fonts}; font-size: 10.5pt; color: #111; line-height: 1.45; }
body { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #888; padding: 3px 6px; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, img { break-inside: avoid; }
img { max-width: 100%; }
.print-header { margin-bottom: 8mm; }
.print-footer { margin-top: 8mm; }
@media screen {
  html { background: #e8e8e8; }
  body { box-sizing: border-box; width: ${width}mm; max-width: 100%; margin: 16px auto; padding: ${top}mm ${right}mm ${bottom}mm ${left}mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
}
@media screen and (max-width: 640px) {
  body { margin: 0; padding: 12px; box-shadow: none; }
}`;
}

export interface DocumentParts {
  readonly header?: string;
  readonly body: string;
  readonly footer?: string;
}

/** The rendered parts as one HTML document, in the reader's language, with its print style. */
export function printDocument(parts: DocumentParts, title: string, page: PrintPageSettings, language: Language): string {
  const escape = Handlebars.Utils.escapeExpression;
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>${printStyle(page, language)}</style>
</head>
<body>
${parts.header ? `<header class="print-header">${parts.header}</header>\n` : ''}<main class="print-body">${parts.body}</main>
${parts.footer ? `<footer class="print-footer">${parts.footer}</footer>\n` : ''}</body>
</html>
`;
}
