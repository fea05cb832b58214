import { useTranslation } from 'react-i18next';
import type { DiffLine } from './line-diff';

/** A unified diff of two versions, with line numbers; added and removed lines are named for screen readers, not only coloured. */
export function DiffView({ lines, label }: { lines: readonly DiffLine[]; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="history-diff" role="region" aria-label={label} tabIndex={0}>
      <table>
        <tbody>
          {lines.map((line, index) => (
            <tr key={index} className={`history-diff-${line.kind}`}>
              <td className="history-diff-number" aria-hidden>
                {line.oldLine ?? ''}
              </td>
              <td className="history-diff-number" aria-hidden>
                {line.newLine ?? ''}
              </td>
              <td className="history-diff-sign">
                {line.kind === 'added' ? <abbr title={t('setup.history.added')}>+</abbr> : line.kind === 'removed' ? <abbr title={t('setup.history.removed')}>−</abbr> : ' '}
              </td>
              <td className="history-diff-text">{line.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
