import type { CompiledObject } from '../../metadata/compiled-object.js';
import { json, parameterRef, responseRef, schemaRef } from './common-components.js';
import type { Parameter, PathItem, Reference, SchemaObject } from './openapi-types.js';
import { RECORDS_BASE } from './record-paths.js';

/** A record's file, and the list of them: the same shape on every object. */
export const ATTACHMENT_SCHEMAS: Record<string, SchemaObject> = {
  Attachment: {
    type: 'object',
    description: 'A file attached to a record.',
    required: ['id', 'name', 'contentType', 'size', 'sha256', 'createdBy', 'createdAt'],
    properties: {
      id: { type: 'string', description: 'The file id, for …/files/{file}.' },
      name: { type: 'string', description: 'The name as uploaded, without any directory part or control characters.' },
      contentType: { type: 'string', description: 'The type the upload declared (type/subtype, lower case).' },
      size: { type: 'integer', minimum: 0, description: 'Bytes.' },
      sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, in hex.' },
      createdBy: { type: 'string', description: 'The user who uploaded it.' },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  AttachmentList: {
    type: 'object',
    required: ['files', 'maxBytes'],
    properties: {
      files: { type: 'array', items: schemaRef('Attachment'), description: 'Newest first.' },
      maxBytes: { type: 'integer', description: 'The largest file an upload may send (FILE_SIZE_LIMIT_MB).' },
    },
  },
};

const FILE_PARAMETER: Parameter = { name: 'file', in: 'path', required: true, description: 'The file id (`id` of an Attachment).', schema: { type: 'string' } };

const FILE_NAME_PARAMETER: Parameter = {
  name: 'X-File-Name',
  in: 'header',
  required: true,
  description: "The file's name, percent-encoded UTF-8 (encodeURIComponent). Any directory part is dropped.",
  schema: { type: 'string', minLength: 1 },
  example: 'Quote%202026.pdf',
};

const DISPOSITION_PARAMETER: Parameter = {
  name: 'disposition',
  in: 'query',
  description:
    '`inline` asks to show the file in the browser (a preview); only PNG, JPEG, GIF, WebP and AVIF images and PDFs whose name has the ' +
    'matching extension are ever served inline. Everything else (HTML, SVG, a page declared as an image) is always an attachment.',
  schema: { type: 'string', enum: ['inline', 'attachment'], default: 'attachment' },
};

const TOO_LARGE = {
  description: 'The file is over the size limit (FILE_SIZE_LIMIT_MB, 25 MB by default); nothing of it is kept.',
  content: json(schemaRef('Error'), { error: { code: 'file_too_large', message: 'The file is 31.4 MB, over the limit of 25 MB per file.', details: [] } }),
};

function notFound(label: string): Reference {
  return responseRef('NotFound', `No such ${label} record or file, a record the user may not see, or one in the recycle bin (its files come back with it).`);
}

/** Every object's records take files: upload, list, download and delete, with the record's own access. */
export function attachmentPaths(compiled: CompiledObject): Record<string, PathItem> {
  const name = compiled.name;
  const label = compiled.object.label.en;
  const tags = [name];
  const files = `${RECORDS_BASE}/${name}/{id}/files`;
  const cannotRead = responseRef('Forbidden', `No permission set grants reading ${name} records.`);
  const cannotEdit = responseRef('Forbidden', `No permission set grants editing ${name} records, the user may only read this record, or an approval process locked it.`);
  return {
    [files]: {
      parameters: [parameterRef('RecordId')],
      get: {
        operationId: `records.${name}.files.list`,
        summary: `The files of a ${label} record`,
        description: 'For anyone who may read the record.',
        tags,
        responses: { '200': { description: 'The files, newest first, and the size limit.', content: json(schemaRef('AttachmentList')) }, '403': cannotRead, '404': notFound(label) },
      },
      post: {
        operationId: `records.${name}.files.upload`,
        summary: `Attach a file to a ${label} record`,
        description:
          'The body is the file itself (no multipart), its Content-Type the file\'s type, X-File-Name its name. The content is streamed to the ' +
          'store (a blob directory beside the embedded store, GridFS on MongoDB) and is durable when the answer comes. For anyone who may edit the record; audited.',
        tags,
        parameters: [FILE_NAME_PARAMETER],
        requestBody: { required: true, content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The file.' } } } },
        responses: {
          '201': { description: 'Attached.', content: json(schemaRef('Attachment')) },
          '400': responseRef('BadRequest', 'No X-File-Name header, or one that is not percent-encoded UTF-8.'),
          '403': cannotEdit,
          '404': notFound(label),
          '409': responseRef('Conflict', 'The record is locked by an approval process (pending or approved).'),
          '413': TOO_LARGE,
        },
      },
    },
    [`${files}/{file}`]: {
      parameters: [parameterRef('RecordId'), FILE_PARAMETER],
      get: {
        operationId: `records.${name}.files.download`,
        summary: `Download a file of a ${label} record`,
        description:
          'The content with its declared Content-Type, `X-Content-Type-Options: nosniff`, a Content-Disposition carrying the name (ASCII and UTF-8) ' +
          'and a Content-Security-Policy that sandboxes it. For anyone who may read the record.',
        tags,
        parameters: [DISPOSITION_PARAMETER],
        responses: {
          '200': { description: 'The file.', content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
          '403': cannotRead,
          '404': notFound(label),
        },
      },
      delete: {
        operationId: `records.${name}.files.delete`,
        summary: `Delete a file of a ${label} record`,
        description: 'For anyone who may edit the record; audited. The content is removed from the store.',
        tags,
        responses: { '204': { description: 'Deleted.' }, '403': cannotEdit, '404': notFound(label), '409': responseRef('Conflict', 'The record is locked by an approval process (pending or approved).') },
      },
    },
  };
}
