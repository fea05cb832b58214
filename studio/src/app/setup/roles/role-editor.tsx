import { Button, Form, Input, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { useDefinitionEditor } from '../use-definition-editor';
import { EMPTY_ROLE, roleDefinitionOf, roleDraftOf, roleErrors, type RoleDraft } from './role-draft';
import { possibleParents, type RoleDefinition } from './role-tree';

interface RoleEditorProps {
  /** Its ETag as read: the editor's changes are sent conditional on it. */
  readonly etag?: string;
  /** The role to edit; none for a new one. */
  readonly role?: RoleDefinition;
  readonly roles: readonly RoleDefinition[];
  readonly onSaved: (name: string) => void;
  readonly onDeleted: () => void;
}

/**
 * One role's labels, description and place in the hierarchy ("Reports to", the keyboard's way to
 * move it), or a new role. Saving sends the whole role; the server's problems land on their controls.
 */
export function RoleEditor({ role, roles, onSaved, onDeleted, etag }: RoleEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<RoleDraft>();
  const [nameTyped, setNameTyped] = useState(role !== undefined);
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'roles',
    form,
    errorsOf: roleErrors,
    existing: role?.name,
    etag,
    saved: (definition, created) => (created ? t('setup.roles.created', { name: localize(definition.label, language, definition.name) }) : t('setup.roles.saved')),
    deleted: () => t('setup.roles.deleted', { name: title }),
    onSaved,
    onDeleted,
  });
  const creating = role === undefined;
  const title = role ? localize(role.label, language, role.name) : t('setup.roles.newTitle');
  const parents = possibleParents(roles, role?.name).map((candidate) => ({ value: candidate.name, label: localize(candidate.label, language, candidate.name) }));

  return (
    <Form<RoleDraft>
      form={form}
      layout="vertical"
      initialValues={role ? roleDraftOf(role) : EMPTY_ROLE}
      onFinish={(draft) => void save(roleDefinitionOf({ ...draft, name: role?.name ?? draft.name }))}
      onValuesChange={(changed: Partial<RoleDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
      }}
    >
      <h3 id="setup-role-editor">{title}</h3>
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.roles.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.roles.labelRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.roles.labelZh')}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t('setup.roles.apiName')} extra={creating ? t('setup.roles.apiNameHelp') : undefined} rules={[{ required: true, message: t('setup.roles.apiNameRequired') }]}>
        <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
      </Form.Item>
      <Form.Item name="reportsTo" label={t('setup.roles.reportsTo')} extra={t('setup.roles.reportsToHelp')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: t('setup.roles.top') }, ...parents]}
        />
      </Form.Item>
      <Form.Item name="description" label={t('setup.roles.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <FormErrorsAlert errors={formErrors} />
      <div className="setup-form-actions">
        <Button type="primary" htmlType="submit" loading={busy}>
          {creating ? t('setup.roles.create') : t('setup.roles.save')}
        </Button>
        {role && (
          <Popconfirm title={t('setup.roles.deleteConfirm', { name: title })} okText={t('setup.roles.delete')} cancelText={t('setup.roles.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove()}>
            <Button danger>{t('setup.roles.delete')}</Button>
          </Popconfirm>
        )}
      </div>
    </Form>
  );
}
