import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { useDefinitionEditor } from '../use-definition-editor';
import { rolesQuery } from '../roles/roles-query';
import { usersQuery } from '../users/admin-user';
import { EMPTY_GROUP, groupDefinitionOf, groupDraftOf, groupErrors, type GroupDefinition, type GroupDraft } from './group-draft';

interface GroupEditorProps {
  /** Its ETag as read: the editor's changes are sent conditional on it. */
  readonly etag?: string;
  readonly group?: GroupDefinition;
  readonly onSaved: (name: string) => void;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

/**
 * A public group's labels and members: users by name, roles, and roles with everyone below them
 * (what group.schema.json holds). Saving sends the whole group; deleting asks first, and the server
 * refuses while sharing rules share with the group.
 */
export function GroupEditor({ group, onSaved, onDeleted, onCancel, etag }: GroupEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const users = useQuery(usersQuery);
  const roles = useQuery(rolesQuery);
  const [form] = Form.useForm<GroupDraft>();
  const [nameTyped, setNameTyped] = useState(group !== undefined);
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'groups',
    form,
    errorsOf: groupErrors,
    existing: group?.name,
    etag,
    saved: (definition, created) => (created ? t('setup.publicGroups.created', { name: localize(definition.label, language, definition.name) }) : t('setup.publicGroups.saved')),
    deleted: () => t('setup.publicGroups.deleted', { name: localize(group?.label, language, group?.name) }),
    onSaved,
    onDeleted,
  });
  const creating = group === undefined;
  const roleOptions = (roles.data?.roles ?? []).map((role) => ({ value: role.name, label: localize(role.label, language, role.name) }));
  const userOptions = (users.data?.users ?? []).map((user) => ({ value: user._id, label: user.email ? `${user.full_name ?? ''} (${user.email})` : (user.full_name ?? user._id) }));

  return (
    <Form<GroupDraft>
      form={form}
      layout="vertical"
      initialValues={group ? groupDraftOf(group) : EMPTY_GROUP}
      onFinish={(draft) => void save(groupDefinitionOf({ ...draft, name: group?.name ?? draft.name }))}
      onValuesChange={(changed: Partial<GroupDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
      }}
    >
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.publicGroups.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.publicGroups.labelRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.publicGroups.labelZh')}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t('setup.publicGroups.apiName')} rules={[{ required: true, message: t('setup.publicGroups.apiNameRequired') }]}>
        <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
      </Form.Item>
      <Form.Item name="description" label={t('setup.publicGroups.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="users" label={t('setup.publicGroups.users')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={users.isPending} options={userOptions} />
      </Form.Item>
      <Form.Item name="roles" label={t('setup.publicGroups.roles')} extra={t('setup.publicGroups.rolesHelp')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={roles.isPending} options={roleOptions} />
      </Form.Item>
      <Form.Item name="rolesAndSubordinates" label={t('setup.publicGroups.rolesAndSubordinates')} extra={t('setup.publicGroups.rolesAndSubordinatesHelp')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={roles.isPending} options={roleOptions} />
      </Form.Item>
      <FormErrorsAlert errors={formErrors} />
      <div className="setup-form-actions">
        <Button type="primary" htmlType="submit" loading={busy}>
          {creating ? t('setup.publicGroups.create') : t('setup.publicGroups.save')}
        </Button>
        <Button onClick={onCancel}>{t('setup.publicGroups.cancel')}</Button>
        {group && (
          <Popconfirm
            title={t('setup.publicGroups.deleteConfirm', { name: localize(group.label, language, group.name) })}
            okText={t('setup.publicGroups.delete')}
            cancelText={t('setup.publicGroups.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove()}
          >
            <Button danger>{t('setup.publicGroups.delete')}</Button>
          </Popconfirm>
        )}
      </div>
    </Form>
  );
}
