import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FormValues } from './form-definition';

/** What the server puts in a dependent picklist's `ui:options` (engine/forms/form-definition.ts). */
interface DependencyOptions {
  readonly controllingField?: string;
  readonly dependencies?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The form with each dependent picklist offering only the values its controlling field's current
 * value allows (none while that field is empty), as the engine's check-dependent-picklists.ts
 * accepts them. A value the record already holds stays listed even when no longer allowed, so it
 * is shown and the server's refusal names it, rather than vanishing silently from the record.
 */
export function withDependentChoices(schema: RJSFSchema, uiSchema: UiSchema<FormValues, RJSFSchema>, values: FormValues): { schema: RJSFSchema; uiSchema: UiSchema<FormValues, RJSFSchema> } {
  const properties = { ...(schema.properties ?? {}) };
  const narrowedUi: Record<string, unknown> = { ...uiSchema };
  let changed = false;
  for (const [name, property] of Object.entries(properties)) {
    const fieldUi = uiSchema[name] as Record<string, unknown> | undefined;
    const options = fieldUi?.['ui:options'] as DependencyOptions | undefined;
    if (!options?.controllingField || typeof property !== 'object') continue;
    const controlling = values[options.controllingField];
    const allowed = new Set(controlling === undefined || controlling === null ? [] : (options.dependencies?.[String(controlling)] ?? []));
    const held = values[name];
    for (const value of Array.isArray(held) ? held : [held]) if (value !== undefined && value !== null) allowed.add(String(value));

    const multiple = property.type === 'array' && typeof property.items === 'object' && !Array.isArray(property.items);
    const choices = (multiple ? (property.items as RJSFSchema).enum : property.enum) ?? [];
    const names = fieldUi?.['ui:enumNames'] as readonly string[] | undefined;
    const kept = choices.map((choice, index) => ({ choice, label: names?.[index] })).filter(({ choice }) => choice === null || allowed.has(String(choice)));
    const narrowed = kept.map(({ choice }) => choice);
    properties[name] = multiple ? { ...property, items: { ...(property.items as RJSFSchema), enum: narrowed } } : { ...property, enum: narrowed };
    narrowedUi[name] = { ...fieldUi, ...(names ? { 'ui:enumNames': kept.map(({ choice, label }) => label ?? String(choice)) } : {}) };
    changed = true;
  }
  if (!changed) return { schema, uiSchema };
  return { schema: { ...schema, properties }, uiSchema: narrowedUi as UiSchema<FormValues, RJSFSchema> };
}
