import { Alert, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { listColumns, type FieldDefinition, type ObjectDefinition } from '../../../shared/metadata/object-definition';
import { filterableFields } from '../../list/filter/filter-operators';
import { AudienceFields } from '../audience-fields';
import { ConditionsControl } from '../conditions-control';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { SetupFormActions } from '../setup-form-actions';
import { requiredList } from '../required-list';
import { useDefinitionEditor } from '../use-definition-editor';
import { listViewDefinitionOf, listViewDraftOf, listViewErrors, newListViewDraft, type ListViewDefinition, type ListViewDraft } from './list-view-draft';
import { ViewColumnsControl } from './view-columns-control';

interface ListViewEditorProps {
  /** Its ETag as read: the editor's changes are sent conditional on it. */
  readonly etag?: string;
  readonly object: ObjectDefinition;
  readonly view?: ListViewDefinition;
  readonly onSaved: (name: string) => void;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

/**
 * One shared list view of an object: its label, columns in order, conditions built as in the
 * list's filter, sort, kanban field and who sees it. Saved whole through the metadata API; the
 * server's problems land on the control that caused them.
 */
export function ListViewEditor({ object, view, onSaved, onDeleted, onCancel, etag }: ListViewEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<ListViewDraft>();
  const [nameTyped, setNameTyped] = useState(view !== undefined);
  const listable = listColumns(object, Number.POSITIVE_INFINITY);
  const start = view ? listViewDraftOf(view) : newListViewDraft(listColumns(object, 3).map((field) => field.name));
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'list-views',
    form,
    errorsOf: listViewErrors,
    existing: view?.name,
    etag,
    saved: (definition, created) => (created ? t('setup.listViews.created', { name: localize(definition.label, language, definition.name) }) : t('setup.listViews.saved')),
    deleted: () => t('setup.listViews.deleted', { name: localize(view?.label, language, view?.name) }),
    onSaved,
    onDeleted,
  });
  const creating = view === undefined;
  const audience = Form.useWatch('audience', form) ?? start.audience;
  const filter = Form.useWatch('filter', form) ?? start.filter;
  const fieldOption = (field: FieldDefinition) => ({ value: field.name, label: localize(field.label, language, field.name) });

  return (
    <Form<ListViewDraft>
      form={form}
      layout="vertical"
      initialValues={start}
      onFinish={(draft) => void save(listViewDefinitionOf({ ...start, ...draft, name: view?.name ?? draft.name }, object.name))}
      onValuesChange={(changed: Partial<ListViewDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
      }}
    >
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.listViews.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.listViews.labelRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.listViews.labelZh')}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t('setup.listViews.apiName')} rules={[{ required: true, message: t('setup.listViews.apiNameRequired') }]}>
        <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
      </Form.Item>
      <Form.Item
        name="columns"
        label={t('setup.listViews.columns')}
        extra={t('setup.listViews.columnsHelp')}
        rules={[requiredList(t('setup.listViews.columnsRequired'))]}
      >
        <ViewColumnsControl fields={listable} />
      </Form.Item>
      {start.custom && filter.rows.length === 0 && <Alert type="warning" showIcon className="setup-form-alert" title={t('setup.listViews.customFilter')} />}
      <Form.Item name="filter" label={t('setup.listViews.filter')} extra={t('setup.listViews.filterHelp')}>
        <ConditionsControl fields={filterableFields(object.fields)} />
      </Form.Item>
      <div className="setup-form-grid">
        <Form.Item name="sortField" label={t('setup.listViews.sortField')}>
          <Select allowClear placeholder={t('setup.listViews.noSort')} showSearch={{ optionFilterProp: 'label' }} options={listable.filter((field) => field.type !== 'multipicklist').map(fieldOption)} />
        </Form.Item>
        <Form.Item name="sortDescending" label={t('setup.listViews.sortDirection')}>
          <Radio.Group
            options={[
              { value: false, label: t('setup.listViews.ascending') },
              { value: true, label: t('setup.listViews.descending') },
            ]}
          />
        </Form.Item>
      </div>
      <Form.Item name="kanbanField" label={t('setup.listViews.kanbanField')} extra={t('setup.listViews.kanbanHelp')}>
        <Select allowClear placeholder={t('setup.listViews.noKanban')} options={object.fields.filter((field) => field.type === 'picklist').map(fieldOption)} />
      </Form.Item>
      <AudienceFields
        audience={audience}
        texts={{
          label: t('setup.listViews.audience'),
          everyone: t('setup.listViews.everyone'),
          some: t('setup.listViews.somePermissionSets'),
          permissionSets: t('setup.listViews.permissionSets'),
          required: t('setup.listViews.permissionSetsRequired'),
        }}
      />
      <Form.Item name="description" label={t('setup.listViews.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <FormErrorsAlert errors={formErrors} />
      <SetupFormActions
        busy={busy}
        submit={creating ? t('setup.listViews.create') : t('setup.listViews.save')}
        cancel={t('setup.listViews.cancel')}
        onCancel={onCancel}
        remove={view ? { label: t('setup.listViews.delete'), confirm: t('setup.listViews.deleteConfirm', { name: localize(view.label, language, view.name) }), onConfirm: remove } : undefined}
      />
    </Form>
  );
}
