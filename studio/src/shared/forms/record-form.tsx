import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, Button } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { fromServer } from '../i18n/localize';
import { useLanguage } from '../i18n/use-language';
import { withDependentChoices } from './dependent-choices';
import { errorSchemaOf, type MappedErrors } from './error-schema';
import type { FormDefinition, FormValues } from './form-definition';
import { JsonField } from './json-field';
import { LookupWidget } from './lookup-widget';
import { RichTextWidget } from './rich-text-widget';
import { SectionedObjectTemplate } from './sectioned-object-template';
import { serverValidator } from './server-validator';

const widgets = { lookup: LookupWidget, richtext: RichTextWidget };
const fields = { json: JsonField };
const templates = { ObjectFieldTemplate: SectionedObjectTemplate };

export interface RecordFormProps {
  readonly form: FormDefinition;
  readonly initial?: FormValues;
  readonly submitLabel: string;
  /** Saves the values; an ApiError with details puts them on the fields. */
  readonly onSave: (values: FormValues) => Promise<void>;
  readonly onCancel: () => void;
}

/**
 * The generated form (rjsf with antd's widgets) of an object: sections from the layout, lookups
 * with search, and the server's 400/422 details shown on their fields. Nothing is checked in the
 * browser (see serverValidator), so the rules stay in one place.
 */
export function RecordForm({ form, initial, submitLabel, onSave, onCancel }: RecordFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<FormValues>(initial ?? {});
  const [errors, setErrors] = useState<MappedErrors>({ fields: {}, general: [] });
  // The values the server judged: a field's error goes away once the user changes that field.
  const [judged, setJudged] = useState<FormValues>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fieldNames = useMemo(() => Object.keys(form.schema.properties ?? {}), [form]);
  // The page shows the object's name; rjsf would repeat it as the form's title.
  const baseUiSchema = useMemo(() => ({ ...form.uiSchema, 'ui:title': '', 'ui:submitButtonOptions': { norender: true } }) as UiSchema<FormValues, RJSFSchema>, [form]);
  // A dependent picklist offers only what its controlling field's current value allows.
  const { schema, uiSchema } = useMemo(() => withDependentChoices(form.schema, baseUiSchema, values), [form, baseUiSchema, values]);

  async function submit(data: FormValues) {
    setBusy(true);
    setFailure(undefined);
    try {
      await onSave(data);
      setErrors({ fields: {}, general: [] });
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        setErrors(errorSchemaOf(error.details, fieldNames, (text) => fromServer(text, language)));
        setJudged(data);
        setFailure(error.status === 400 || error.status === 422 ? t('record.fixErrors') : fromServer(error.message, language));
      } else {
        setErrors({ fields: {}, general: [] });
        setFailure(error instanceof Error ? fromServer(error.message, language) : String(error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form
      className="record-form"
      schema={schema}
      uiSchema={uiSchema}
      formData={values}
      validator={serverValidator}
      noHtml5Validate
      showErrorList={false}
      extraErrors={errors.fields}
      widgets={widgets}
      fields={fields}
      templates={templates}
      disabled={busy}
      onChange={(event) => {
        const next = event.formData ?? {};
        setValues(next);
        const stale = Object.keys(errors.fields).filter((name) => JSON.stringify(next[name]) !== JSON.stringify(judged[name]));
        if (stale.length > 0) setErrors({ ...errors, fields: Object.fromEntries(Object.entries(errors.fields).filter(([name]) => !stale.includes(name))) });
      }}
      onSubmit={(event) => void submit(event.formData ?? {})}
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure}
          description={errors.general.length > 0 ? errors.general.join(' ') : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <div className="form-actions">
        <Button onClick={onCancel} disabled={busy}>
          {t('record.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}
