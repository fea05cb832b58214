import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Segmented, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import type { FormDefinition } from '../../../shared/forms/form-definition';
import { RecordForm } from '../../../shared/forms/record-form';
import { fromServer } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { LayoutDefinition } from './layout-draft';

type PreviewLanguage = 'en' | 'zh-CN';

/** How long the draft must stay still before the preview asks for its form again. */
const SETTLE_MS = 300;

/**
 * The record form as end users will get it from the layout being edited: the server compiles the
 * unsaved layout exactly as a saved one (POST /forms/:object/preview) and the record page's own
 * RecordForm renders it, in the language picked here, whatever the studio speaks.
 */
export function LayoutPreview({ layout }: { layout: LayoutDefinition }) {
  const { t } = useTranslation();
  const studioLanguage = useLanguage();
  const [language, setLanguage] = useState<PreviewLanguage>(studioLanguage === 'en' ? 'en' : 'zh-CN');
  const settled = useSettled(layout);
  const hasFields = settled.sections.length > 0;
  const form = useQuery({
    queryKey: ['form-preview', settled.object, language, settled],
    queryFn: () => api<FormDefinition>(`/forms/${encodeURIComponent(settled.object)}/preview`, { method: 'POST', query: { lang: language }, body: settled }),
    enabled: hasFields && settled.object !== '',
    placeholderData: keepPreviousData,
    retry: false,
  });

  return (
    <aside className="layout-preview" aria-labelledby="layout-preview-title">
      <div className="layout-preview-head">
        <h3 id="layout-preview-title">{t('setup.layouts.preview')}</h3>
        <Segmented<PreviewLanguage>
          aria-label={t('setup.layouts.previewLanguage')}
          size="small"
          value={language}
          onChange={setLanguage}
          options={[
            { value: 'en', label: <span lang="en">English</span> },
            { value: 'zh-CN', label: <span lang="zh-CN">简体中文</span> },
          ]}
        />
      </div>
      <p className="setup-fieldset-help">{t('setup.layouts.previewHelp')}</p>
      {!hasFields && <p className="setup-empty">{t('setup.layouts.previewEmpty')}</p>}
      {hasFields && form.isPending && <Spin />}
      {hasFields && form.error && <Alert type="warning" showIcon title={t('setup.layouts.previewFailed', { message: fromServer(form.error.message, studioLanguage) })} />}
      {hasFields && form.data && (
        // inert: a look at the form, not a second one to fill in; the editor's controls stay the only ones.
        <div className="layout-preview-form" lang={language} inert aria-busy={form.isFetching}>
          <RecordForm key={JSON.stringify(form.data)} form={form.data} submitLabel={t('setup.layouts.save')} onSave={() => Promise.resolve()} onCancel={() => undefined} />
          {(form.data.relatedLists ?? []).length > 0 && (
            <ul className="layout-preview-related">
              {form.data.relatedLists!.map((list) => (
                <li key={`${list.object}.${list.field}`}>{list.label}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </aside>
  );
}

/** The value once it has stopped changing for SETTLE_MS (dragging a field asks once, not per frame). */
function useSettled<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  // By content: the page builds a new definition object at every render.
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return settled;
}
