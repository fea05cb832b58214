import type { ObjectFieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import type { FormSection, FormValues } from './form-definition';

/**
 * The layout's sections: rjsf has none, so the server lists them in the root's
 * `ui:options.sections` and each rendered property is placed into its section's grid (one column
 * on a phone, the section's columns from 768 px up).
 */
export function SectionedObjectTemplate(props: ObjectFieldTemplateProps<FormValues, RJSFSchema>) {
  const sections = (props.uiSchema?.['ui:options'] as { sections?: readonly FormSection[] } | undefined)?.sections;
  if (!sections) return <div className="form-section-grid">{props.properties.map((property) => property.content)}</div>;
  const byName = new Map(props.properties.map((property) => [property.name, property.content]));
  return (
    <div className="form-sections">
      {sections.map((section, index) => (
        <fieldset key={index} className="form-section">
          {section.title && <legend>{section.title}</legend>}
          <div className={`form-section-grid columns-${section.columns}`}>{section.fields.map((name) => byName.get(name) ?? null)}</div>
        </fieldset>
      ))}
    </div>
  );
}
