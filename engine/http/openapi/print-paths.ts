import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { json, parameterRef, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, Parameter, Response } from './openapi-types.js';
import { RECORDS_BASE } from './record-paths.js';

const FORMAT: Parameter = {
  name: 'format',
  in: 'query',
  description: '`html` (the default): the document, to show or print from the browser; `pdf`: the same document as a PDF, printed by Chromium on the paper the template names.',
  schema: { type: 'string', enum: ['html', 'pdf'], default: 'html' },
};

const DOWNLOAD: Parameter = {
  name: 'download',
  in: 'query',
  description: 'With format=pdf: `true` sends the PDF as an attachment (a download) rather than inline.',
  schema: { type: 'string', enum: ['true', 'false'], default: 'false' },
};

const error = (description: string, code: string, message: string): Response => ({ description, content: json(schemaRef('Error'), { error: { code, message, details: [] } }) });

const PRINTED: Response = {
  description:
    'The printed record: an HTML document (Content-Security-Policy: nothing runs, nothing loads), or a PDF with format=pdf. ' +
    'A client that accepts application/json and not text/html gets the document as `html`, with its `title`.',
  content: {
    'text/html': { schema: { type: 'string' } },
    'application/json': {
      schema: { type: 'object', required: ['title', 'html'], properties: { title: { type: 'string', description: "The template's label and the record's name." }, html: { type: 'string' } } },
    },
    'application/pdf': { schema: { type: 'string', format: 'binary' } },
  },
};

const FAILURES: Record<string, Response> = {
  '422': error('A helper of the template failed on this record.', 'print_failed', "The print template 'purchase_order_pdf' failed in its body: …"),
  '503': error(
    'A PDF was asked for and Chromium is not installed where CHROMIUM_PATH (or /usr/bin/chromium) says; the HTML print still works.',
    'pdf_unavailable',
    'PDF printing needs Chromium, which is not installed at /usr/bin/chromium: install it (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH to it. The HTML print works without it.',
  ),
  '504': error('The PDF took longer than PDF_TIMEOUT_MS (30 s by default) and was abandoned.', 'pdf_timeout', 'The PDF took longer than 30 seconds and was abandoned: print fewer records or a smaller document.'),
};

/**
 * The print routes of one object: a record through one of its print templates, and the editor's
 * preview of a template not saved yet. The template names depend on the snapshot, so this fragment
 * is built with the document, not kept with the object's own.
 */
export function printPaths(snapshot: Snapshot, object: CompiledObject): OpenApiFragment {
  const name = object.name;
  const label = object.object.label.en;
  const templates = snapshot.printTemplatesOf(name).map((template) => template.name);
  const template: Parameter = {
    name: 'template',
    in: 'path',
    required: true,
    description: `The print template, one of ${name}'s (/api/v1/meta/print-templates?object=${name}).`,
    schema: templates.length > 0 ? { type: 'string', enum: templates } : { type: 'string' },
  };
  const base = `${RECORDS_BASE}/${name}/{id}/print`;
  return {
    tags: [],
    schemas: {},
    paths: {
      [`${base}/{template}`]: {
        parameters: [parameterRef('RecordId'), template],
        get: {
          operationId: `records.${name}.print`,
          summary: `Print a ${label} record`,
          description:
            'The record through a print template, in the language of the request: its fields as the user may read them (a field they may not read prints nothing), ' +
            'each lookup\'s parent, the related lists the template names, the company of the template.',
          tags: [name],
          parameters: [FORMAT, DOWNLOAD],
          responses: {
            '200': PRINTED,
            '400': responseRef('BadRequest', 'An unknown format.'),
            '403': responseRef('Forbidden', `No permission set grants reading ${name} records.`),
            '404': responseRef('NotFound', `No such ${label} record (or one the user may not see), or no such print template of ${name}.`),
            ...FAILURES,
          },
        },
      },
      [base]: {
        parameters: [parameterRef('RecordId')],
        post: {
          operationId: `records.${name}.printPreview`,
          summary: `Preview a print template on a ${label} record`,
          description: 'For the template editor (users who may manage metadata): the body is a print template not saved yet (name and object may be left out), checked as saving would check it, then printed.',
          tags: [name],
          parameters: [FORMAT, DOWNLOAD],
          requestBody: { required: true, content: json(schemaRef('PrintTemplateDefinition')) },
          responses: {
            '200': PRINTED,
            '400': responseRef('BadRequest', 'The template does not compile: each problem at /body, /header or /footer, naming its line.'),
            '403': responseRef('Forbidden', 'The user may not manage metadata.'),
            '404': responseRef('NotFound', `No such ${label} record.`),
            ...FAILURES,
          },
        },
      },
    },
  };
}
