import type { ErrorDetail } from '../../errors/index.js';
import { fieldTypeOf } from '../../fields/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { resolveLabels } from '../labels.js';
import type { LayoutDefinition, RelatedList } from '../../schemas/generated/layout.js';
import type { ResolvedLayout, ResolvedLayoutField, ResolvedRelatedList } from './resolved-layout.js';
import { msg } from '../../i18n/message.js';

/**
 * Checks a layout (already valid against its schema) against the objects it names and fills its
 * defaults: the object and every field must exist, a field appears once, a related list needs a
 * child that really points here.
 */
export function resolveLayout(
  definition: LayoutDefinition,
  objects: ReadonlyMap<string, CompiledObject>,
): { layout?: ResolvedLayout; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const object = objects.get(definition.object);
  if (!object) return { problems: [{ path: '/object', message: msg`there is no object named '${definition.object}'` }] };

  const seen = new Set<string>();
  const sections = definition.sections.map((section, s) => ({
    title: section.title ? resolveLabels(section.title, `section_${s + 1}`) : undefined,
    columns: section.columns ?? 1,
    collapsed: section.collapsed ?? false,
    fields: section.fields.flatMap((entry, f): ResolvedLayoutField[] => {
      const path = `/sections/${s}/fields/${f}`;
      const name = typeof entry === 'string' ? entry : entry.field;
      const field = object.field(name);
      if (!field) {
        problems.push({ path, message: msg`'${name}' is not a field of ${object.name}` });
        return [];
      }
      if (seen.has(name)) {
        problems.push({ path, message: msg`'${name}' is already on the layout` });
        return [];
      }
      seen.add(name);
      const overrides: { required?: boolean; readOnly?: boolean } = typeof entry === 'string' ? {} : entry;
      const computed = !fieldTypeOf(field).writable;
      return [{ field: name, required: !computed && (field.required || overrides.required === true), readOnly: computed || overrides.readOnly === true }];
    }),
  }));
  const relatedLists = (definition.relatedLists ?? []).flatMap((list, i) => {
    const resolved = resolveRelatedList(list, object, objects, `/relatedLists/${i}`, problems);
    return resolved ? [resolved] : [];
  });
  if (problems.length > 0) return { problems };
  return {
    problems,
    layout: {
      definition,
      name: definition.name,
      object: definition.object,
      label: resolveLabels(definition.label, definition.name),
      isDefault: definition.isDefault ?? false,
      roles: definition.roles ?? [],
      sections,
      relatedLists,
    },
  };
}

function resolveRelatedList(
  list: RelatedList,
  parent: CompiledObject,
  objects: ReadonlyMap<string, CompiledObject>,
  path: string,
  problems: ErrorDetail[],
): ResolvedRelatedList | undefined {
  const child = objects.get(list.object);
  if (!child) {
    problems.push({ path: `${path}/object`, message: msg`there is no object named '${list.object}'` });
    return undefined;
  }
  const pointers = child.object.fields.filter(
    (field) => (field.type === 'lookup' || field.type === 'masterdetail') && field.target === parent.name && (!list.field || field.name === list.field),
  );
  if (pointers.length !== 1) {
    const message = list.field
      ? msg`'${list.field}' of ${child.name} is not a lookup to ${parent.name}`
      : pointers.length === 0
        ? msg`${child.name} has no lookup to ${parent.name}`
        : msg`${child.name} has several lookups to ${parent.name}; name one in 'field'`;
    problems.push({ path: `${path}/${list.field ? 'field' : 'object'}`, message });
    return undefined;
  }
  const columns = list.columns ?? child.object.fields.slice(0, 4).map((field) => field.name);
  columns.forEach((name, c) => {
    if (!child.field(name)) problems.push({ path: `${path}/columns/${c}`, message: msg`'${name}' is not a field of ${child.name}` });
  });
  return { object: child.name, field: pointers[0]!.name, columns, label: list.label ? resolveLabels(list.label, child.name) : child.object.pluralLabel };
}
