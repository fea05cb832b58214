import { useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api-error';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import { refusedFieldLabel } from './backfill-progress';
import { serverMessage } from './server-message';

/**
 * Why the list could not be read. A filter, sort or count on a value still being recalculated
 * (409 `backfill_in_progress`) is no failure: it says which field, and what to do meanwhile.
 */
export function ListLoadError({ object, error }: { object: ObjectDefinition; error: unknown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const refused = isApiError(error) && error.code === 'backfill_in_progress';
  // The progress is asked for again after the refusal: if the backfill ended meanwhile, the notice
  // learns it and has the list read again (backfill-notice.tsx); if not, it follows it to the end.
  useEffect(() => {
    if (refused) void client.invalidateQueries({ queryKey: ['backfills', object.name] });
  }, [refused, error, client, object.name]);
  if (isApiError(error) && refused) {
    const field = refusedFieldLabel(object, error.details[0]?.path, language);
    return <Alert className="list-load-error" type="warning" showIcon role="alert" title={t('list.backfillRefused', { field })} />;
  }
  return <Alert className="list-load-error" type="error" showIcon role="alert" title={t('list.loadFailed', { message: serverMessage(error, language) })} />;
}
