import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { SetupFormActions } from '../setup-form-actions';
import { useDefinitionEditor } from '../use-definition-editor';
import { CLEARS_SERVER_ERROR } from '../automation/server-error-rule';
import {
  MARGINS,
  newTemplateDraft,
  ORIENTATIONS,
  PAPER_SIZES,
  PARTS,
  starterBody,
  templateDefinitionOf,
  templateDraftOf,
  templateErrors,
  type PrintTemplateDefinition,
  type PrintTemplateDraft,
} from './print-template-definition';
import { PrintPreview } from './print-preview';
import { TemplateCodeField } from './template-code-field';
import './print-templates.css';

/** The schema's bound on a logo: a data: URL of at most 400,000 characters, about 300 kB of image. */
const MAX_LOGO_BYTES = 300 * 1024;
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

interface PrintTemplateEditorProps {
  readonly template?: PrintTemplateDefinition;
  readonly etag?: string;
  /** The object a new template starts on. */
  readonly object?: string;
  readonly onSaved: (name: string) => void;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

/**
 * One print template: its labels and object, its paper, its letterhead, and its parts in code
 * editors, beside a live preview on a record of the object in either language. Saved whole through
 * the metadata API, which compiles it: a problem lands on its part, its line underlined.
 */
export function PrintTemplateEditor({ template, etag, object: startObject, onSaved, onDeleted, onCancel }: PrintTemplateEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const objects = useObjects();
  const all = objects.data?.objects ?? [];
  const [form] = Form.useForm<PrintTemplateDraft>();
  const [nameTyped, setNameTyped] = useState(template !== undefined);
  const [logoProblem, setLogoProblem] = useState<string>();
  const logoInput = useRef<HTMLInputElement>(null);
  const start = template ? templateDraftOf(template) : newTemplateDraft(all.find((candidate) => candidate.name === startObject));
  const creating = template === undefined;
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'print-templates',
    form,
    errorsOf: templateErrors,
    existing: template?.name,
    etag,
    saved: (definition, created) => (created ? t('setup.printTemplates.created', { name: localize(definition.label, language, definition.name) }) : t('setup.printTemplates.saved')),
    deleted: () => t('setup.printTemplates.deleted', { name: localize(template?.label, language, template?.name) }),
    onSaved,
    onDeleted,
  });
  const watched = Form.useWatch([], form) as PrintTemplateDraft | undefined;
  const draft: PrintTemplateDraft = { ...start, ...watched };
  const object = draft.object;
  const logo = draft.logo;
  const objectOptions = all.map((candidate) => ({ value: candidate.name, label: localize(candidate.pluralLabel ?? candidate.label, language, candidate.name) }));

  function pickLogo(file: File | undefined) {
    setLogoProblem(undefined);
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) return setLogoProblem(t('setup.printTemplates.logoType'));
    if (file.size > MAX_LOGO_BYTES) return setLogoProblem(t('setup.printTemplates.logoTooLarge', { size: Math.ceil(file.size / 1024) }));
    const reader = new FileReader();
    reader.onload = () => form.setFieldValue('logo', String(reader.result));
    reader.readAsDataURL(file);
  }

  return (
    <Form<PrintTemplateDraft>
      form={form}
      layout="vertical"
      initialValues={start}
      onFinish={() => void save(templateDefinitionOf({ ...(form.getFieldsValue(true) as PrintTemplateDraft), name: template?.name ?? form.getFieldValue('name') }))}
      onValuesChange={(changed: Partial<PrintTemplateDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
        // A new template on another object starts from that object's fields.
        if (changed.object !== undefined && creating) form.setFieldValue('body', starterBody(all.find((candidate) => candidate.name === changed.object)));
      }}
    >
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.printTemplates.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.printTemplates.labelRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.printTemplates.labelZh')} rules={[CLEARS_SERVER_ERROR]}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
        <Form.Item name="name" label={t('setup.printTemplates.apiName')} rules={[{ required: true, message: t('setup.printTemplates.apiNameRequired') }]}>
          <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
        </Form.Item>
        <Form.Item name="object" label={t('setup.printTemplates.object')} rules={[{ required: true, message: t('setup.printTemplates.objectRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={objects.isPending} options={objectOptions} disabled={!creating} />
        </Form.Item>
      </div>
      <fieldset className="setup-fieldset">
        <legend>{t('setup.printTemplates.page')}</legend>
        <div className="setup-form-grid">
          <Form.Item name="size" label={t('setup.printTemplates.size')}>
            <Select options={PAPER_SIZES.map((size) => ({ value: size, label: size }))} />
          </Form.Item>
          <Form.Item name="orientation" label={t('setup.printTemplates.orientation')}>
            <Select options={ORIENTATIONS.map((orientation) => ({ value: orientation, label: t(`setup.printTemplates.orientations.${orientation}`) }))} />
          </Form.Item>
        </div>
        <div className="print-margins" role="group" aria-label={t('setup.printTemplates.margins')}>
          {MARGINS.map((side) => (
            <Form.Item key={side} name={['margins', side]} label={t(`setup.printTemplates.margin${side[0]!.toUpperCase()}${side.slice(1)}`)} rules={[CLEARS_SERVER_ERROR]}>
              <InputNumber min={0} max={60} step={1} className="setup-number-input" />
            </Form.Item>
          ))}
        </div>
      </fieldset>
      <fieldset className="setup-fieldset">
        <legend>{t('setup.printTemplates.company')}</legend>
        <p className="setup-fieldset-help">{t('setup.printTemplates.companyHelp', { name: '{{company.name}}', address: '{{company.address}}', logo: '{{company.logo}}' })}</p>
        <div className="setup-form-grid">
          <Form.Item name="companyEn" label={t('setup.printTemplates.companyEn')} rules={[CLEARS_SERVER_ERROR]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item name="companyZh" label={t('setup.printTemplates.companyZh')} rules={[CLEARS_SERVER_ERROR]}>
            <Input autoComplete="off" lang="zh-CN" />
          </Form.Item>
          <Form.Item name="addressEn" label={t('setup.printTemplates.addressEn')} rules={[CLEARS_SERVER_ERROR]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
          <Form.Item name="addressZh" label={t('setup.printTemplates.addressZh')} rules={[CLEARS_SERVER_ERROR]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} lang="zh-CN" />
          </Form.Item>
        </div>
        <Form.Item name="logo" hidden>
          <Input />
        </Form.Item>
        <Form.Item label={t('setup.printTemplates.logo')} validateStatus={logoProblem ? 'error' : undefined} help={logoProblem}>
          <div className="print-logo">
            {logo && <img src={logo} alt={t('setup.printTemplates.logoAlt')} />}
            <input ref={logoInput} type="file" accept={LOGO_TYPES.join(',')} style={{ display: 'none' }} tabIndex={-1} aria-label={t('setup.printTemplates.logoPick')} onChange={(event) => pickLogo(event.target.files?.[0])} />
            <Button icon={<UploadOutlined />} onClick={() => logoInput.current?.click()}>
              {t('setup.printTemplates.logoPick')}
            </Button>
            {logo && (
              <Button icon={<DeleteOutlined />} onClick={() => form.setFieldValue('logo', '')}>
                {t('setup.printTemplates.logoRemove')}
              </Button>
            )}
          </div>
        </Form.Item>
      </fieldset>
      {object ? (
        <div className="print-template-workspace">
          <fieldset className="setup-fieldset">
            <legend>{t('setup.printTemplates.parts')}</legend>
            <p className="setup-fieldset-help" id="print-template-help">
              {t('setup.printTemplates.partsHelp', { field: '{{record.field}}', parent: '{{record.lookup.field}}', related: '{{#each related.child}}…{{/each}}', formatted: '{{field "name"}}' })}
            </p>
            {PARTS.map((part) => (
              <Form.Item
                key={part}
                name={part}
                label={t(`setup.printTemplates.${part}`)}
                rules={part === 'body' ? [{ required: true, whitespace: true, message: t('setup.printTemplates.bodyRequired') }] : [CLEARS_SERVER_ERROR]}
              >
                <TemplateCodeField aria-label={t('setup.printTemplates.editorLabel', { part: t(`setup.printTemplates.${part}`) })} />
              </Form.Item>
            ))}
          </fieldset>
          <PrintPreview definition={templateDefinitionOf(draft)} />
        </div>
      ) : (
        <p className="setup-fieldset-help">{t('setup.printTemplates.pickObjectFirst')}</p>
      )}
      <Form.Item name="description" label={t('setup.printTemplates.description')} rules={[CLEARS_SERVER_ERROR]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <FormErrorsAlert errors={formErrors} />
      <SetupFormActions
        busy={busy}
        submit={creating ? t('setup.printTemplates.create') : t('setup.printTemplates.save')}
        cancel={t('setup.printTemplates.cancel')}
        onCancel={onCancel}
        remove={template ? { label: t('setup.printTemplates.delete'), confirm: t('setup.printTemplates.deleteConfirm', { name: localize(template.label, language, template.name) }), onConfirm: remove } : undefined}
      />
    </Form>
  );
}
