import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { isApiError } from '../../../shared/api/api-error';
import { LookupSelect } from '../../../shared/forms/lookup-select';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useDebounced } from '../../search/use-debounced';
import type { PrintedDocument } from '../../record/print-button';
import type { PrintTemplateDefinition } from './print-template-definition';

/** The languages the server prints in; 繁中 readers get the Simplified labels, as every server text. */
const PRINT_LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'zh-CN', label: '简体中文' },
] as const;
type PrintLanguage = (typeof PRINT_LANGUAGES)[number]['value'];

/** How long the template must rest before it is printed again: typing is not interrupted by a request per key. */
const DEBOUNCE_MS = 400;

/**
 * The live preview beside the template editor: a record the admin picks, printed through the
 * template as it stands (not saved), in either language, in a sandboxed frame (nothing in it runs).
 * The last document stays while the next one prints; the server's problems show above it.
 */
export function PrintPreview({ definition }: { readonly definition: PrintTemplateDefinition }) {
  const { t } = useTranslation();
  const ui = useLanguage();
  const [recordId, setRecordId] = useState<string>();
  const [language, setLanguage] = useState<PrintLanguage>(ui === 'en' ? 'en' : 'zh-CN');
  // Compared as text: the editor makes a new definition at every render, the same one while nothing changes.
  const settled = useDebounced(JSON.stringify(definition), DEBOUNCE_MS);
  const template = useMemo(() => JSON.parse(settled) as PrintTemplateDefinition, [settled]);
  const printed = useQuery({
    queryKey: ['print-preview', template.object, recordId, language, settled],
    enabled: Boolean(recordId && template.object && template.body.trim()),
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: () =>
      api<PrintedDocument>(`/records/${encodeURIComponent(template.object)}/${encodeURIComponent(recordId!)}/print`, {
        method: 'POST',
        body: { ...template, name: template.name || 'preview' },
        headers: { 'Accept-Language': language },
      }).then((document) => document.html),
  });
  const problem = printed.error;

  return (
    <section className="print-preview" aria-labelledby="print-preview-title">
      <h3 id="print-preview-title">{t('setup.printTemplates.preview')}</h3>
      <div className="print-preview-controls">
        <LookupSelect target={definition.object} value={recordId} onChange={setRecordId} ariaLabel={t('setup.printTemplates.previewRecord')} placeholder={t('setup.printTemplates.previewPick')} />
        <Segmented<PrintLanguage> aria-label={t('setup.printTemplates.previewLanguage')} value={language} onChange={setLanguage} options={[...PRINT_LANGUAGES]} />
      </div>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('setup.printTemplates.previewProblem')}
          description={
            <ul className="print-problems">
              {(isApiError(problem) && problem.details.length > 0 ? problem.details.map((detail) => `${detail.path}: ${detail.message}`) : [problem.message]).map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
        />
      )}
      {!recordId && <p className="print-preview-hint">{t('setup.printTemplates.previewHint')}</p>}
      {printed.data !== undefined && recordId && (
        <iframe className="print-frame" title={t('setup.printTemplates.previewFrame')} sandbox="" srcDoc={printed.data} aria-busy={printed.isFetching} />
      )}
    </section>
  );
}
