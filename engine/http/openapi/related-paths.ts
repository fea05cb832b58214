import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { json, parameterRef, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, Parameter, PathItem } from './openapi-types.js';
import { recordSchemaNames, referenceFields } from './record-components.js';
import { listParameters, RECORDS_BASE } from './record-paths.js';

/**
 * The related lists of one parent object: a path for each child object that points at it. They
 * depend on other objects, so unlike the parent's own fragment they are built with the document.
 */
export function relatedPaths(snapshot: Snapshot, parent: CompiledObject): OpenApiFragment {
  const paths: Record<string, PathItem> = {};
  for (const child of [...snapshot.objects.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const pointers = referenceFields(child).filter((field) => field.target === parent.name);
    if (pointers.length === 0) continue;
    const several = pointers.length > 1;
    const fieldParameter: Parameter = {
      name: 'field',
      in: 'query',
      description: several
        ? `The field of ${child.name} pointing at ${parent.name} to list through: it has several.`
        : `The field of ${child.name} pointing at ${parent.name}; there is one, so it may be left out.`,
      ...(several ? { required: true } : {}),
      schema: { type: 'string', enum: pointers.map((field) => field.name) },
    };
    paths[`${RECORDS_BASE}/${parent.name}/{id}/related/${child.name}`] = {
      parameters: [{ ...parameterRef('RecordId'), description: `The ${parent.name} record.` }],
      get: {
        operationId: `records.${parent.name}.related.${child.name}`,
        summary: `${child.object.pluralLabel.en} of a ${parent.object.label.en} record`,
        description:
          `The ${child.name} records pointing at one ${parent.name} record through ${pointers.map((field) => `\`${field.name}\``).join(' or ')}: ` +
          'a list like any other (filter, sort, fields, paging, expand), narrowed to the parent in the query.',
        tags: [parent.name],
        parameters: [fieldParameter, ...listParameters(child)],
        responses: {
          '200': { description: 'A page of child records.', content: json(schemaRef(recordSchemaNames(child.name).list)) },
          '400': responseRef('BadRequest'),
          '403': responseRef('Forbidden', `No permission set grants reading ${parent.name} records, or ${child.name} records.`),
          '404': responseRef('NotFound'),
        },
      },
    };
  }
  return { tags: [], paths, schemas: {} };
}
