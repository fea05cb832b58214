import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { useObjects } from '../../shared/metadata/use-objects';
import { fetchRecent, RECENT_KEY, RECENT_LIMIT } from './recent-records-api';

/** The records the user opened last (kept on the server, recent-records-api.ts), of objects they may still read. */
export function RecentRecords() {
  const { t } = useTranslation();
  const language = useLanguage();
  const objects = useObjects();
  const opened = useQuery({ queryKey: RECENT_KEY, queryFn: fetchRecent });
  const byName = new Map((objects.data?.objects ?? []).map((object) => [object.name, object]));
  const recent = (opened.data ?? []).filter((entry) => byName.has(entry.object)).slice(0, RECENT_LIMIT);

  return (
    <section className="home-section" aria-labelledby="recent-title">
      <h2 id="recent-title" className="home-section-title">
        {t('recent.title')}
      </h2>
      {recent.length === 0 ? (
        <p className="panel-note">{t('recent.empty')}</p>
      ) : (
        <ul className="recent-rows">
          {recent.map((entry) => (
            <li key={`${entry.object}/${entry.id}`}>
              <Link to={`/o/${entry.object}/${encodeURIComponent(entry.id)}`} className="recent-link">
                <span className="recent-name">{entry.name}</span>
                <span className="recent-object">{localize(byName.get(entry.object)?.label, language, entry.object)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
