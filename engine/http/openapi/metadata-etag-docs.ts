import { responseRef } from './common-components.js';
import type { Parameter, PathItem, SchemaObject } from './openapi-types.js';

/** The entity tags of metadata reads and the If-Match of metadata changes (docs/api.md, Metadata). */
export const ETAG: SchemaObject = {
  type: 'string',
  description: 'On reads: the definition\'s entity tag, also sent as the ETag header. Send it back in If-Match to change it only if nobody else did meanwhile (412 otherwise).',
};
/** Each field's tag, for PUT, PATCH or DELETE of one field with If-Match: a field keeps its tag while other fields of the object change. */
export const FIELD_ETAGS: SchemaObject = { type: 'object', description: 'The entity tag of each field shown, by field name.', additionalProperties: { type: 'string' } };
/** Each listed definition's tag, for editors that open a definition from the list. */
export const LIST_ETAGS: SchemaObject = { type: 'object', description: 'The entity tag of each listed definition, by name.', additionalProperties: { type: 'string' } };

const IF_MATCH: Parameter = {
  name: 'If-Match',
  in: 'header',
  description:
    'The ETag of the definition (or field) as the caller read it: the change is made only if it is still so, else 412 `definition_changed` and nothing changes. ' +
    '`*`: only if it exists. Without the header the change applies to whatever is current.',
  schema: { type: 'string' },
};

/** Every change of an existing definition, field or currency takes If-Match and may answer 412. */
export function conditional(paths: Record<string, PathItem>): Record<string, PathItem> {
  for (const item of Object.values(paths)) {
    for (const method of ['put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      operation.parameters = [...(operation.parameters ?? []), IF_MATCH];
      operation.responses['412'] = responseRef('PreconditionFailed', 'The definition changed (or was deleted) since the ETag sent in If-Match was read.');
    }
  }
  return paths;
}
