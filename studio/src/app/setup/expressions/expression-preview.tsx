import { useTranslation } from 'react-i18next';
import { LookupSelect } from '../../../shared/forms/lookup-select';
import { previewText, type ExpressionCheck } from './expression-check';

interface ExpressionPreviewProps {
  readonly id?: string;
  readonly object: string;
  readonly recordId: string | undefined;
  readonly onRecord: (id: string | undefined) => void;
  readonly check: ExpressionCheck;
  readonly checking: boolean;
}

/**
 * Under the editor: a record of the object to try the expression on, and its value there (or the
 * error), announced as it changes; the last outcome stays (dimmed) while the next is checked.
 */
export function ExpressionPreview({ id, object, recordId, onRecord, check, checking }: ExpressionPreviewProps) {
  const { t } = useTranslation();
  const outcome = (() => {
    if (check.state === 'problem') return <span className="expression-preview-problem">{t('setup.expressions.previewProblem', { message: check.problem.message })}</span>;
    if (check.state === 'value') {
      const text = previewText(check.value);
      return <span className="expression-preview-value">{text === undefined ? t('setup.expressions.previewEmpty') : t('setup.expressions.previewValue', { value: text, interpolation: { escapeValue: false } })}</span>;
    }
    return recordId ? null : <span className="expression-preview-pending">{t('setup.expressions.previewHint')}</span>;
  })();
  return (
    <div className="expression-preview">
      <span className="expression-preview-label" aria-hidden="true">
        {t('setup.expressions.preview')}
      </span>
      <LookupSelect id={id} target={object} value={recordId} onChange={onRecord} ariaLabel={t('setup.expressions.previewRecord')} placeholder={t('setup.expressions.previewPick')} />
      <output className="expression-preview-outcome" aria-live="polite" aria-busy={checking}>
        {outcome}
      </output>
    </div>
  );
}
