import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Select, Spin, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { FormErrorsAlert } from '../form-errors-alert';
import { rolesQuery } from '../roles/roles-query';
import { SetupFormActions } from '../setup-form-actions';
import { useDefinitionEditor } from '../use-definition-editor';
import { LayoutCanvas } from './layout-canvas';
import { layoutDefinitionOf, layoutDraftOf, layoutErrors, newSection, type LayoutDefinition, type LayoutDraft } from './layout-draft';
import { LayoutPreview } from './layout-preview';
import { LayoutRelatedLists } from './layout-related-lists';
import { layoutsQuery } from './layouts-query';
import './layouts.css';

type LayoutTexts = Pick<LayoutDraft, 'name' | 'labelEn' | 'labelZh' | 'isDefault' | 'roles'> & {
  /** No value: where the server's errors on the related lists land, for the list editor to show. */
  relatedLists?: undefined;
};

/** /setup/layouts/:name, or /setup/layouts/new?object=…: one layout's details, sections and fields. */
export function LayoutEditorPage() {
  const { name } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const layouts = useQuery(layoutsQuery);
  if (layouts.isPending) return <Spin className="page-spinner" />;
  if (layouts.error) return <Alert type="error" showIcon title={t('setup.layouts.loadFailed', { message: layouts.error.message })} />;
  const existing = name === 'new' ? undefined : layouts.data.layouts.find((layout) => layout.name === name);
  const object = existing?.object ?? search.get('object') ?? '';
  if (!existing && name !== 'new') return <Alert type="error" showIcon title={t('setup.layouts.loadFailed', { message: name })} />;
  return <LayoutEditor key={existing?.name ?? `new:${object}`} existing={existing} etag={existing && layouts.data.etags?.[existing.name]} object={object} />;
}

function LayoutEditor({ existing, etag, object }: { existing: LayoutDefinition | undefined; etag: string | undefined; object: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const objects = useObjects();
  const roles = useQuery(rolesQuery);
  const definition = objects.data?.objects.find((candidate) => candidate.name === object);
  const [draft, setDraft] = useState<LayoutDraft>(() =>
    existing ? layoutDraftOf(existing) : { name: `${object}_layout`, object, labelEn: '', labelZh: '', isDefault: false, roles: [], sections: [newSection()], relatedLists: [] },
  );
  const [form] = Form.useForm<LayoutTexts>();
  const creating = existing === undefined;
  const fields = (definition?.fields ?? []).map((field) => field.name);
  const label = (field: string) => localize(definition?.fields.find((candidate) => candidate.name === field)?.label, language, field);
  const title = existing ? localize(existing.label, language, existing.name) : t('setup.layouts.newTitle', { object: localize(definition?.label, language, object) });
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'layouts',
    form,
    errorsOf: layoutErrors,
    existing: existing?.name,
    etag,
    saved: (layout, created) => (created ? t('setup.layouts.created', { name: localize(layout.label, language, layout.name) }) : t('setup.layouts.saved')),
    deleted: () => t('setup.layouts.deleted', { name: title }),
    onSaved: (name) => creating && void navigate(`/setup/layouts/${name}`, { replace: true }),
    onDeleted: () => void navigate('/setup/layouts'),
  });

  return (
    <section aria-labelledby="setup-layout-title" className="layout-editor">
      <Link to="/setup/layouts" className="setup-back">
        <ArrowLeftOutlined aria-hidden /> {t('setup.layouts.back')}
      </Link>
      <h2 id="setup-layout-title">{title}</h2>
      <div className="layout-editor-body">
        <Form<LayoutTexts>
          name="layout"
          form={form}
          layout="vertical"
          initialValues={{ name: draft.name, labelEn: draft.labelEn, labelZh: draft.labelZh, isDefault: draft.isDefault, roles: draft.roles }}
          onFinish={(texts) => void save(layoutDefinitionOf({ ...draft, ...texts, name: existing?.name ?? texts.name, relatedLists: draft.relatedLists }))}
        >
          <fieldset className="setup-fieldset">
            <div className="setup-form-grid">
              <Form.Item name="labelEn" label={t('setup.layouts.labelEn')}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item name="labelZh" label={t('setup.layouts.labelZh')}>
                <Input autoComplete="off" lang="zh-CN" />
              </Form.Item>
              <Form.Item name="name" label={t('setup.layouts.apiName')} rules={[{ required: true, message: t('setup.layouts.apiNameRequired') }]}>
                <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
              </Form.Item>
              <Form.Item name="roles" label={t('setup.layouts.roles')} extra={t('setup.layouts.rolesHelp')}>
                <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(roles.data?.roles ?? []).map((role) => ({ value: role.name, label: localize(role.label, language, role.name) }))} />
              </Form.Item>
            </div>
            <Form.Item name="isDefault" label={t('setup.layouts.isDefault')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </fieldset>
          <LayoutCanvas draft={draft} fields={fields} label={label} onChange={setDraft} />
          <Form.Item noStyle shouldUpdate>
            {() => (
              <LayoutRelatedLists
                object={object}
                objects={objects.data?.objects ?? []}
                lists={draft.relatedLists}
                error={form.getFieldError('relatedLists')[0]}
                onChange={(relatedLists) => {
                  form.setFields([{ name: 'relatedLists', errors: [] }]);
                  setDraft({ ...draft, relatedLists });
                }}
              />
            )}
          </Form.Item>
          <FormErrorsAlert errors={formErrors} />
          <SetupFormActions
            busy={busy}
            submit={creating ? t('setup.layouts.create') : t('setup.layouts.save')}
            cancel={t('setup.layouts.cancel')}
            onCancel={() => void navigate('/setup/layouts')}
            remove={existing ? { label: t('setup.layouts.delete'), confirm: t('setup.layouts.deleteConfirm', { name: title }), onConfirm: remove } : undefined}
          />
        </Form>
        <LayoutPreview layout={layoutDefinitionOf(draft)} />
      </div>
    </section>
  );
}
