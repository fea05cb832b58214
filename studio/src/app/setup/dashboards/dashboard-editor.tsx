import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { FormErrorsAlert } from '../form-errors-alert';
import { suggestApiName } from '../objects/object-draft';
import { fieldChoices } from '../reports/report-draft';
import { reportsQuery } from '../reports/reports-query';
import { rolesQuery } from '../roles/roles-query';
import { SetupFormActions } from '../setup-form-actions';
import { useDefinitionEditor } from '../use-definition-editor';
import { dashboardErrors, type ComponentDefinition, type DashboardDefinition } from './dashboard-draft';
import { DashboardLayoutControl } from './dashboard-layout-control';

interface DashboardDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly components: readonly ComponentDefinition[];
  /** Field paths filtered, each a filter named after its path. */
  readonly filterFields: readonly string[];
  readonly homeRoles: readonly string[];
}

interface DashboardEditorProps {
  readonly dashboard?: DashboardDefinition;
  readonly etag?: string;
  readonly onSaved: (name: string) => void;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

/** One dashboard: its label, its components on the grid (place, resize, pick reports and charts), its filters and the roles it is the home page of. */
export function DashboardEditor({ dashboard, etag, onSaved, onDeleted, onCancel }: DashboardEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<DashboardDraft>();
  const reports = useQuery(reportsQuery);
  const roles = useQuery(rolesQuery);
  const objects = useObjects();
  const [nameTyped, setNameTyped] = useState(dashboard !== undefined);
  const start: DashboardDraft = {
    labelEn: dashboard?.label?.en ?? '',
    labelZh: dashboard?.label?.['zh-CN'] ?? '',
    name: dashboard?.name ?? '',
    components: dashboard?.components ?? [],
    filterFields: (dashboard?.filters ?? []).map((filter) => filter.field),
    homeRoles: dashboard?.homeFor?.roles ?? [],
  };
  const { busy, formErrors, save, remove } = useDefinitionEditor({
    path: 'dashboards',
    form,
    errorsOf: dashboardErrors,
    existing: dashboard?.name,
    etag,
    saved: (definition, created) => (created ? t('setup.dashboards.created', { name: localize(definition.label, language, definition.name) }) : t('setup.dashboards.saved')),
    deleted: () => t('setup.dashboards.deleted', { name: localize(dashboard?.label, language, dashboard?.name) }),
    onSaved,
    onDeleted,
  });
  const creating = dashboard === undefined;
  const reportOptions = (reports.data?.reports ?? []).map((report) => ({ value: report.name, label: localize(report.label, language, report.name) }));
  const components = (Form.useWatch('components', form) ?? start.components) as readonly ComponentDefinition[];
  const all = objects.data?.objects ?? [];
  const used = new Set(components.map((component) => reports.data?.reports.find((report) => report.name === component.report)?.object).filter(Boolean));
  const paths = new Map<string, string>();
  for (const object of all.filter((one) => used.has(one.name))) for (const choice of fieldChoices(object, all, language)) if (!paths.has(choice.path)) paths.set(choice.path, choice.label);

  function definitionOf(draft: DashboardDraft): DashboardDefinition {
    const kept = dashboard?.filters ?? [];
    const { label: _label, components: _components, filters: _filters, homeFor, ...rest } = dashboard ?? { components: [] };
    return {
      ...rest,
      name: dashboard?.name ?? draft.name,
      label: { en: draft.labelEn.trim(), ...(draft.labelZh.trim() ? { 'zh-CN': draft.labelZh.trim() } : {}) },
      components: draft.components,
      ...(draft.filterFields.length > 0
        ? { filters: draft.filterFields.map((field) => kept.find((filter) => filter.field === field) ?? { name: field.replace(/\./g, '_').slice(0, 60), field }) }
        : {}),
      ...(draft.homeRoles.length > 0 || homeFor?.apps?.length ? { homeFor: { ...(homeFor?.apps?.length ? { apps: homeFor.apps } : {}), ...(draft.homeRoles.length > 0 ? { roles: draft.homeRoles } : {}) } } : {}),
    };
  }

  return (
    <Form<DashboardDraft>
      form={form}
      layout="vertical"
      initialValues={start}
      onFinish={(draft) => void save(definitionOf({ ...start, ...draft }))}
      onValuesChange={(changed: Partial<DashboardDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
      }}
    >
      <div className="setup-form-grid">
        <Form.Item name="labelEn" label={t('setup.dashboards.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.dashboards.labelRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('setup.dashboards.labelZh')}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t('setup.dashboards.apiName')} rules={[{ required: true, message: t('setup.dashboards.apiNameRequired') }]}>
        <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
      </Form.Item>
      <Form.Item name="components" label={t('setup.dashboards.components')} extra={t('setup.dashboards.componentsHelp')}>
        <DashboardLayoutControl reports={reportOptions} />
      </Form.Item>
      <Form.Item name="filterFields" label={t('setup.dashboards.filters')} extra={t('setup.dashboards.filtersHelp')}>
        <Select mode="multiple" placeholder={t('setup.dashboards.addFilter')} options={[...paths].map(([value, label]) => ({ value, label }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="homeRoles" label={t('setup.dashboards.homeRoles')}>
        <Select mode="multiple" options={(roles.data?.roles ?? []).map((role) => ({ value: role.name, label: localize(role.label, language, role.name) }))} />
      </Form.Item>
      <FormErrorsAlert errors={formErrors} />
      <SetupFormActions
        busy={busy}
        submit={creating ? t('setup.dashboards.create') : t('setup.dashboards.save')}
        cancel={t('setup.dashboards.cancel')}
        onCancel={onCancel}
        remove={dashboard ? { label: t('setup.dashboards.delete'), confirm: t('setup.dashboards.deleteConfirm', { name: localize(dashboard.label, language, dashboard.name) }), onConfirm: remove } : undefined}
      />
    </Form>
  );
}
