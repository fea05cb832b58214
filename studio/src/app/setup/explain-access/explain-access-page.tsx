import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LookupSelect } from '../../../shared/forms/lookup-select';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { changedAddressParams } from '../../../shared/shell/address-params';
import { UserPicker } from '../../record/user-picker';
import { AccessAnswer } from './access-answer';

/**
 * Setup → Explain access: pick a user, an object and one of its records, and read why the user can
 * or cannot see and edit it. The choices live in the address, so an answer can be linked to.
 */
export function ExplainAccessPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const objects = useObjects();
  const [params, setParams] = useSearchParams();
  const user = params.get('user') ?? undefined;
  const object = params.get('object') ?? undefined;
  const record = params.get('record') ?? undefined;
  const choose = (changes: Record<string, string | undefined>) => setParams(changedAddressParams(changes), { replace: true, flushSync: true });
  const options = (objects.data?.objects ?? [])
    // Two objects may share a label: the API name tells them apart.
    .map((definition) => ({ value: definition.name, label: `${localize(definition.label, language, definition.name)} · ${definition.name}` }))
    .sort((a, b) => a.label.localeCompare(b.label, language));

  return (
    <section aria-labelledby="setup-explain-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-explain-title">{t('setup.explain.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.explain.subtitle')}</p>
        </div>
      </header>
      <div className="access-pickers">
        <div className="access-picker">
          <label htmlFor="explain-user">{t('setup.explain.user')}</label>
          <UserPicker id="explain-user" label={t('setup.explain.pickUser')} value={user} onChange={(picked) => choose({ user: picked })} />
        </div>
        <div className="access-picker">
          <label htmlFor="explain-object">{t('setup.explain.object')}</label>
          <Select
            id="explain-object"
            aria-label={t('setup.explain.object')}
            placeholder={t('setup.explain.pickObject')}
            showSearch={{ optionFilterProp: 'label' }}
            value={object}
            loading={objects.isPending}
            options={options}
            onChange={(picked: string) => choose({ object: picked, record: undefined })}
          />
        </div>
        <div className="access-picker">
          <label htmlFor="explain-record">{t('setup.explain.record')}</label>
          {object ? (
            <LookupSelect key={object} id="explain-record" target={object} ariaLabel={t('setup.explain.record')} value={record} onChange={(picked) => choose({ record: picked })} />
          ) : (
            <Select id="explain-record" aria-label={t('setup.explain.record')} placeholder={t('setup.explain.pickObjectFirst')} disabled />
          )}
        </div>
      </div>
      {user && object && record ? <AccessAnswer object={object} id={record} user={user} /> : <p className="access-hint">{t('setup.explain.pageHint')}</p>}
    </section>
  );
}
