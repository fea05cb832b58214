import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import { fromServer, localize, type LocalizedText } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import type { RecordLike } from '../../shared/metadata/record-value';

/** A rule offered as a button on the record (GET …/buttons). */
interface RecordButton {
  readonly rule: string;
  readonly label: LocalizedText | null;
  readonly description: string | null;
}

/**
 * The buttons the record offers now: the automation rules of its object that run from a button
 * and whose condition it matches (a lead's Convert). Pressing one runs the rule as the user, on
 * the record as the page shows it (If-Match); the page then reads the record again.
 */
export function RecordButtons({ object, record }: { object: ObjectDefinition; record: RecordLike }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [running, setRunning] = useState<string>();
  const path = `/records/${encodeURIComponent(object.name)}/${encodeURIComponent(record._id)}/buttons`;
  const buttons = useQuery({ queryKey: ['record', object.name, record._id, 'buttons', record._version], queryFn: () => api<{ buttons: RecordButton[] }>(path) });

  async function press(button: RecordButton) {
    const label = localize(button.label ?? undefined, language, button.rule);
    setRunning(button.rule);
    try {
      const result = await api<{ created: unknown[] }>(`${path}/${encodeURIComponent(button.rule)}`, { method: 'POST', headers: { 'If-Match': `"${record._version ?? ''}"` } });
      await queryClient.invalidateQueries({ queryKey: ['record', object.name, record._id] });
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      void message.success(result.created.length > 0 ? t('record.buttonCreated', { label, count: result.created.length }) : t('record.buttonDone', { label }));
    } catch (error) {
      void message.error(error instanceof Error ? fromServer(error.message, language) : String(error));
    } finally {
      setRunning(undefined);
    }
  }

  const offered = buttons.data?.buttons ?? [];
  if (offered.length === 0) return null;
  return (
    <span role="group" aria-label={t('record.buttons')} className="record-buttons">
      {offered.map((button) => (
        <Button key={button.rule} loading={running === button.rule} disabled={running !== undefined} title={button.description ?? undefined} onClick={() => void press(button)}>
          {localize(button.label ?? undefined, language, button.rule)}
        </Button>
      ))}
    </span>
  );
}
