import type { OperationContext } from '../context/index.js';
import { EngineError, NotFoundError, ValidationError } from '../errors/index.js';
import { localize } from '../i18n/language.js';
import { msg } from '../i18n/message.js';
import { checkDefinition } from '../metadata/definition-validator.js';
import { compilePrintTemplate, TEMPLATE_PARTS, type CompiledPrintTemplate, type PrintPageSettings } from '../metadata/print-templates/compile-print-template.js';
import { recordObject } from '../records/record-object.js';
import { checkSetupRight } from '../security/object-access.js';
import { printContext } from './print-context.js';
import { printDocument, type DocumentParts } from './print-document.js';
import { runTemplate } from './print-environment.js';
import { traditionalProgram } from './traditional-template.js';

/** A record printed through a template: the HTML document, and what a PDF of it needs. */
export interface PrintedRecord {
  readonly html: string;
  /** The template's label and the record's name: the document's title. */
  readonly title: string;
  readonly page: PrintPageSettings;
}

/** Prints a record through one of its object's print templates, as the reader may see the record. */
export async function printRecord(ctx: OperationContext, objectName: string, id: string, templateName: string): Promise<PrintedRecord> {
  const object = recordObject(ctx, objectName);
  const template = ctx.snapshot.printTemplates.get(templateName);
  if (!template || template.object !== object.name) {
    throw new NotFoundError(msg`${object.object.label} has no print template named '${templateName}'.`);
  }
  return render(ctx, objectName, id, template);
}

/**
 * Prints a record through a template not saved yet, for the template editor's live preview: the
 * same checks as saving it (400 with each problem's part and line), then the same print.
 */
export async function previewPrint(ctx: OperationContext, objectName: string, id: string, definition: unknown): Promise<PrintedRecord> {
  checkSetupRight(ctx);
  const object = recordObject(ctx, objectName);
  // The editor previews a template before it has a name; the object is the record's.
  const given = definition !== null && typeof definition === 'object' && !Array.isArray(definition) ? definition : {};
  const checked = checkDefinition('printTemplate', { name: 'preview', ...given, object: object.name });
  if (!checked.ok) throw new ValidationError(checked.problems);
  const compiled = compilePrintTemplate({ ...checked.definition, object: object.name }, ctx.snapshot.objects);
  if (!compiled.template) throw new ValidationError(compiled.problems);
  return render(ctx, objectName, id, compiled.template);
}

async function render(ctx: OperationContext, objectName: string, id: string, template: CompiledPrintTemplate): Promise<PrintedRecord> {
  const object = recordObject(ctx, objectName);
  const { scope, data, title } = await printContext(ctx, object, id, template);
  const parts: Partial<Record<(typeof TEMPLATE_PARTS)[number], string>> = {};
  for (const part of TEMPLATE_PARTS) {
    const program = template.parts[part];
    if (!program) continue;
    try {
      parts[part] = runTemplate(ctx.language === 'zh-TW' ? traditionalProgram(program) : program, scope, data);
    } catch (error) {
      throw new EngineError('print_failed', 422, msg`The print template '${template.name}' failed in its ${part}: ${(error as Error).message}`, {
        details: [{ path: `/${part}`, message: msg`failed when printing: ${(error as Error).message}` }],
      });
    }
  }
  const heading = `${localize(template.label, ctx.language) ?? template.name} ${title}`.trim();
  return { html: printDocument({ body: '', ...parts } as DocumentParts, heading, template.page, ctx.language), title: heading, page: template.page };
}
