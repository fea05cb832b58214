import { BULK_MODES } from '../../records/bulk/index.js';
import { DATE_ORDERS, IMPORT_STATUSES, MAX_IMPORT_ROWS } from '../../records/import/index.js';
import { json, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, Parameter, PathItem, SchemaObject } from './openapi-types.js';
import { queryParameter } from './record-paths.js';

const TAG = 'Imports';
const BASE = '/api/v1/imports';
const ONE = `${BASE}/{import}`;
const ID: SchemaObject = { type: 'string', pattern: '^[0-9a-f]{24}$' };
const DATE_TIME: SchemaObject = { type: ['string', 'null'], format: 'date-time' };
const CELL: SchemaObject = { type: ['string', 'number', 'boolean', 'null'], description: 'A cell: text from a CSV; a number, boolean or text from a workbook (a date as ISO text).' };
const IMPORT_PARAMETER: Parameter = { name: 'import', in: 'path', required: true, description: "The import's id, as the upload answered.", schema: ID };
const notYours = responseRef('NotFound', 'There is no such import of the signed-in user (other users\' imports answer so too).');

const SCHEMAS: Record<string, SchemaObject> = {
  ColumnMapping: {
    type: 'object',
    required: ['column', 'field'],
    properties: {
      column: { type: 'string', description: "The column's header, as in the file." },
      field: { type: 'string', description: 'The field it fills; `_id` names the records of an update.' },
      match: { type: 'string', description: 'For a lookup or master-detail field: how its cells name the parent: `name` (its name field, the default), `_id`, or an external-id field of the parent object.' },
    },
  },
  ImportSettings: {
    type: 'object',
    required: ['mapping'],
    properties: {
      mapping: { type: 'array', items: schemaRef('ColumnMapping'), description: 'The columns to import; a column not listed is left out.' },
      mode: { enum: [...BULK_MODES], description: '`insert` (the default without externalId), `update` (by an `_id` column or the external id), `upsert` (the default with externalId).' },
      externalId: { type: 'string', description: 'The external-id field that matches records; its column must be mapped.' },
      dateOrder: { enum: [...DATE_ORDERS], description: 'How dates with slashes, dots or dashes are read: `MDY` (3/1/2017 is 1 March, the default), `DMY`, `YMD`. ISO dates (2017-03-01) and 2017年3月1日 are read whatever it says.' },
      decimalSeparator: { enum: ['.', ','], description: 'The decimal separator of numbers with one kind of separator (`1,5`); `1,234.50` and `1.234,50` are read either way. `.` by default.' },
    },
  },
  Import: {
    type: 'object',
    required: ['id', 'object', 'fileName', 'format', 'headers', 'total', 'status', 'phase', 'settings', 'progress', 'lastError'],
    properties: {
      id: ID,
      object: { type: 'string' },
      fileName: { type: 'string' },
      format: { enum: ['csv', 'xlsx'] },
      headers: { type: 'array', items: { type: 'string' } },
      total: { type: 'integer', minimum: 0, description: 'Rows of data in the file (blank rows left out).' },
      status: { enum: [...IMPORT_STATUSES], description: '`uploaded`, `checking` (dry run), `checked`, `running`, `done`, `cancelled`, or `failed` (see lastError).' },
      phase: { enum: ['check', 'run', null], description: 'The phase running or last run.' },
      settings: { oneOf: [schemaRef('ImportSettings'), { type: 'null' }] },
      progress: {
        type: 'object',
        required: ['done', 'created', 'updated', 'failed', 'skipped', 'rate', 'startedAt', 'finishedAt'],
        properties: {
          done: { type: 'integer', minimum: 0, description: 'Rows the phase has done, of total.' },
          created: { type: 'integer', minimum: 0, description: 'Rows written as new records (in a dry run: that would be).' },
          updated: { type: 'integer', minimum: 0 },
          failed: { type: 'integer', minimum: 0, description: 'Rows with problems so far (see …/problems).' },
          skipped: { type: 'integer', minimum: 0, description: 'Rows an earlier run of the import wrote, not written again.' },
          rate: { type: 'integer', minimum: 0, description: 'Rows a second over the phase so far.' },
          startedAt: DATE_TIME,
          finishedAt: DATE_TIME,
        },
      },
      lastError: { type: ['string', 'null'], description: 'Why the import failed as a whole (the user lost a right, the object changed), in the reader\'s language.' },
    },
  },
  UploadedImport: {
    allOf: [
      schemaRef('Import'),
      {
        type: 'object',
        required: ['preview', 'suggested', 'saved'],
        properties: {
          preview: { type: 'array', items: { type: 'array', items: CELL }, description: 'The first ten rows of data.' },
          suggested: { type: 'array', items: schemaRef('ColumnMapping'), description: "The mapping proposed: the user's saved mapping for the object first, then API names and labels in English and Chinese, and export headers such as `account.erp_code`." },
          saved: { description: 'The mode, external id and formats the user chose last time for the object, or null.' },
        },
      },
    ],
  },
  ImportProblems: {
    type: 'object',
    required: ['problems', 'next'],
    properties: {
      problems: {
        type: 'array',
        items: {
          type: 'object',
          required: ['row', 'column', 'value', 'message'],
          properties: {
            row: { type: 'integer', minimum: 2, description: "The row's number in the file (the header is row 1), as a spreadsheet shows it." },
            column: { type: ['string', 'null'], description: 'The column whose cell is wrong; null for a problem of the row as a whole.' },
            value: CELL,
            message: { type: 'string', description: "What is wrong and how to fix it, in the reader's language." },
          },
        },
      },
      next: { type: ['integer', 'null'], description: 'The `after` of the next page; null on the last one.' },
    },
  },
};

const settingsBody = { required: true, content: json(schemaRef('ImportSettings')) };
const started = (what: string) => ({ description: `${what} started as a job; follow its progress with GET ${ONE}.`, content: json(schemaRef('Import')) });
const settingsErrors = {
  '400': responseRef('BadRequest', 'The settings are not valid: a column the file does not have, a field the object does not have or the platform computes, a field mapped twice, a match that is not the parent\'s name or external id, a mode without the column it matches by.'),
  '403': responseRef('Forbidden', 'The mode needs a right the user lacks on the object (create, edit, both for upsert), a mapped field is one the user may not edit, or a lookup column names records of an object the user may not read.'),
  '404': notYours,
  '409': responseRef('Conflict', '`import_running`: a dry run or a run of the import is going on.'),
};

/** POST …/check or …/run: the settings in, the job started. */
function phasePath(phase: 'check' | 'run', summary: string, description: string, what: string): PathItem {
  return {
    parameters: [IMPORT_PARAMETER],
    post: {
      operationId: `imports.${phase}`,
      summary,
      description,
      tags: [TAG],
      requestBody: settingsBody,
      responses: { '202': started(what), ...settingsErrors },
    },
  };
}

/** /api/v1/imports: upload, dry run, run, progress, cancel, problems and the error file. */
export function importPaths(): OpenApiFragment {
  const tags = [TAG];
  return {
    tags: [{ name: TAG, description: 'Importing CSV and XLSX files: a dry run through the whole write path first, then the run as a job, with progress, cancel, and the failed rows as a file to fix and import again.' }],
    schemas: SCHEMAS,
    paths: {
      [BASE]: {
        post: {
          operationId: 'imports.upload',
          summary: 'Upload a file to import',
          description:
            'The body is the file itself (no multipart): a CSV (UTF-8, comma, semicolon or tab separated) or an XLSX workbook (its first sheet), its name in X-File-Name. ' +
            `The first row names the columns. At most ${MAX_IMPORT_ROWS} rows and 50 MB. For users who may create or edit the object's records. Nothing is written yet.`,
          tags,
          parameters: [
            { ...queryParameter('object', 'The object to import into.', 'deal'), required: true },
            { name: 'X-File-Name', in: 'header', required: true, description: "The file's name, percent-encoded UTF-8: its extension (.csv, .xlsx) says the format.", schema: { type: 'string', minLength: 1 } },
          ],
          requestBody: { required: true, content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The file.' } } } },
          responses: {
            '201': { description: 'Uploaded: the import with the first rows and the mapping proposed.', content: json(schemaRef('UploadedImport')) },
            '400': responseRef('BadRequest', 'No object, no file name, a file that is neither CSV nor XLSX, cannot be read, is empty or holds too many rows.'),
            '403': responseRef('Forbidden', "The user may neither create nor edit the object's records."),
            '404': responseRef('NotFound'),
            '413': responseRef('PayloadTooLarge'),
          },
        },
      },
      [ONE]: {
        parameters: [IMPORT_PARAMETER],
        get: {
          operationId: 'imports.get',
          summary: 'An import and its progress',
          description: 'Readable while a dry run or a run goes on: rows done of total, the rate, the rows created, updated and failed so far.',
          tags,
          responses: { '200': { description: 'The import.', content: json(schemaRef('Import')) }, '404': notYours },
        },
        delete: {
          operationId: 'imports.delete',
          summary: 'Delete an import',
          description: 'Removes the import and the rows of its file; the records it wrote stay. Not while it is checked or run.',
          tags,
          responses: { '204': { description: 'Deleted.' }, '404': notYours, '409': responseRef('Conflict', '`import_running`: cancel it first.') },
        },
      },
      [`${ONE}/check`]: phasePath(
        'check',
        'Dry run: check every row, write none',
        "Every row goes through the whole write path as the user (validation, validation rules, references, permissions, automation) in units of work that are undone: nothing is written. The settings are saved as the user's mapping for the object.",
        'The dry run',
      ),
      [`${ONE}/run`]: phasePath(
        'run',
        'Run the import',
        "Writes the rows as the user, in batches of one unit of work that also notes each row's outcome and the progress, so a restart never writes a row twice. " +
          'A row that fails fails alone. Rows an earlier run of the same import wrote are passed over (`skipped`).',
        'The run',
      ),
      [`${ONE}/cancel`]: {
        parameters: [IMPORT_PARAMETER],
        post: {
          operationId: 'imports.cancel',
          summary: 'Cancel a dry run or a run',
          description: 'It stops after the batch it is in; what a run wrote stays, and a later run goes on from there.',
          tags,
          responses: { '200': { description: 'Cancelled.', content: json(schemaRef('Import')) }, '404': notYours, '409': responseRef('Conflict', '`import_not_running`: there is nothing to cancel.') },
        },
      },
      [`${ONE}/problems`]: {
        parameters: [IMPORT_PARAMETER],
        get: {
          operationId: 'imports.problems',
          summary: 'The problems of the last dry run or run',
          description: 'Row by row in file order: the row, the column, the cell and what is wrong, in the reader\'s language.',
          tags,
          parameters: [queryParameter('after', 'A row number: the page starts after it (the `next` of the previous page).'), queryParameter('limit', 'Rows with problems per page, at most 200; 50 by default.')],
          responses: { '200': { description: 'A page of problems.', content: json(schemaRef('ImportProblems')) }, '400': responseRef('BadRequest'), '404': notYours },
        },
      },
      [`${ONE}/error-file`]: {
        parameters: [IMPORT_PARAMETER],
        get: {
          operationId: 'imports.errorFile',
          summary: 'The failed rows as a file to fix and import again',
          description: 'The rows the last dry run or run failed, with the file\'s own columns and cells and one more column (`Errors`, in the reader\'s language) saying what is wrong. Imported again, that column maps to no field.',
          tags,
          parameters: [queryParameter('format', '`csv` (the default, UTF-8 with a byte-order mark) or `xlsx`.', 'xlsx')],
          responses: {
            '200': {
              description: 'The file.',
              content: { 'text/csv': { schema: { type: 'string' } }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
            },
            '400': responseRef('BadRequest'),
            '404': notYours,
          },
        },
      },
    },
  };
}
