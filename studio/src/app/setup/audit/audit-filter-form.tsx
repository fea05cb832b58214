import { Button, Input, Select } from 'antd';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import type { AuditFilters } from './audit-filters';
import { isoToLocal, localToIso, METADATA_KINDS, METADATA_VERBS, RECORD_ACTIONS } from './audit-entry';
import { useUserNames } from './use-user-names';

/** The audit log's filters as a form: nothing narrows the log until Apply, which writes them to the address. */
export function AuditFilterForm({ filters, onApply }: { filters: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const objects = useObjects().data?.objects ?? [];
  const { users } = useUserNames();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const set = (key: keyof AuditFilters, value: string | undefined) => setDraft((current) => ({ ...current, [key]: value || undefined }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  // Enter in a select picks its option; it must not also submit the form with the value not yet set.
  const keepSelectEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).closest('.ant-select')) event.preventDefault();
  };
  const objectLabel = (name: string) => localize(objects.find((object) => object.name === name)?.label, language, name);
  const actionOptions = [
    { label: t('setup.audit.records'), options: RECORD_ACTIONS.map((action) => ({ value: action, label: t(`setup.audit.recordActions.${action.slice(7)}`) })) },
    {
      label: t('setup.audit.definitions'),
      options: METADATA_KINDS.flatMap((kind) =>
        METADATA_VERBS.map((verb) => ({ value: `metadata.${kind}.${verb}`, label: t(`setup.audit.metadataVerbs.${verb}`, { kind: t(`setup.history.kinds.${kind}`) }) })),
      ),
    },
  ];
  const objectOptions = [
    { label: t('setup.audit.records'), options: objects.map((object) => ({ value: object.name, label: objectLabel(object.name) })) },
    { label: t('setup.audit.definitions'), options: objects.map((object) => ({ value: `object:${object.name}`, label: t('setup.audit.definitionOf', { label: objectLabel(object.name) }) })) },
  ];
  return (
    <form className="audit-filters" aria-label={t('setup.audit.filters')} onSubmit={submit} onKeyDown={keepSelectEnter}>
      <label>
        <span>{t('setup.audit.action')}</span>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('setup.audit.action')}
          placeholder={t('setup.audit.anyAction')}
          value={draft.action}
          onChange={(value?: string) => set('action', value)}
          options={actionOptions}
        />
      </label>
      <label>
        <span>{t('setup.audit.user')}</span>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('setup.audit.user')}
          placeholder={t('setup.audit.anyUser')}
          value={draft.actor}
          onChange={(value?: string) => set('actor', value)}
          options={[{ value: 'system', label: t('setup.audit.system') }, ...users.map((user) => ({ value: user._id, label: user.full_name || user.email || user._id }))]}
        />
      </label>
      <label>
        <span>{t('setup.audit.object')}</span>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('setup.audit.object')}
          placeholder={t('setup.audit.anyObject')}
          value={draft.object}
          onChange={(value?: string) => set('object', value)}
          options={objectOptions}
        />
      </label>
      <label>
        <span>{t('setup.audit.record')}</span>
        <Input value={draft.record ?? ''} onChange={(event) => set('record', event.target.value.trim())} />
      </label>
      <label>
        <span>{t('setup.audit.from')}</span>
        <Input type="datetime-local" value={isoToLocal(draft.from)} onChange={(event) => set('from', localToIso(event.target.value))} />
      </label>
      <label>
        <span>{t('setup.audit.to')}</span>
        <Input type="datetime-local" value={isoToLocal(draft.to)} onChange={(event) => set('to', localToIso(event.target.value))} />
      </label>
      <div className="audit-filter-actions">
        <Button type="primary" htmlType="submit">
          {t('setup.audit.apply')}
        </Button>
        <Button
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          {t('setup.audit.clear')}
        </Button>
      </div>
    </form>
  );
}
