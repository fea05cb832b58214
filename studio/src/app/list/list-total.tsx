import { skipToken, useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { recordsPageKey, type ListAnswer } from './list-query';

/**
 * How many records the view holds, read from its first page in the cache (the pages list asks for
 * it): kept apart from the list so that the answer re-renders this text, not the whole table.
 */
export function ListTotal({ object, viewKey }: { object: string; viewKey: string }) {
  const { t } = useTranslation();
  const first = useQuery<ListAnswer>({ queryKey: recordsPageKey(object, viewKey, undefined), queryFn: skipToken });
  const total = first.data?.total;
  if (total === null || total === undefined) return null;
  return <Typography.Text type="secondary">{t('list.total', { count: total })}</Typography.Text>;
}
