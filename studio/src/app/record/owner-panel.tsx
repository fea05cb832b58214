import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import type { RecordLike } from '../../shared/metadata/record-value';
import { refusalNotes } from './refusal-notes';
import { SharesList } from './shares-list';
import type { RecordPermissions } from './use-record-permissions';
import { useRecordNames } from './use-record-names';
import { UserPicker } from './user-picker';

/**
 * The record's owner, with "Change owner" for those who may transfer it, and its manual shares.
 * Where the server would refuse, the panel says why instead of offering the action: under the
 * part it concerns, or once for the whole panel when both refusals have the same reason.
 */
export function OwnerPanel({ object, record, permissions }: { object: ObjectDefinition; record: RecordLike; permissions: RecordPermissions | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [changing, setChanging] = useState(false);
  const [owner, setOwner] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const holder = typeof record._owner === 'string' ? record._owner : undefined;
  // A queue owns the record as `queue:<group>`; a user by their id.
  const queue = holder?.startsWith('queue:') ? holder.slice('queue:'.length) : undefined;
  const ownerId = queue === undefined ? holder : undefined;
  const names = useRecordNames('user', ownerId ? [ownerId] : []);
  const transfer = permissions?.transfer;
  const notes = refusalNotes(transfer, permissions?.share);

  async function take() {
    setBusy(true);
    setFailure(undefined);
    try {
      await api<RecordLike>(`/records/${encodeURIComponent(object.name)}/${encodeURIComponent(record._id)}/take`, { method: 'POST', headers: { 'If-Match': `"${record._version ?? ''}"` } });
      await queryClient.invalidateQueries({ queryKey: ['record', object.name, record._id] });
      await queryClient.invalidateQueries({ queryKey: ['records', object.name] });
      void message.success(t('sharing.taken'));
    } catch (error) {
      setFailure(error instanceof Error ? fromServer(error.message, language) : String(error));
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    if (!owner) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api<RecordLike>(`/records/${encodeURIComponent(object.name)}/${encodeURIComponent(record._id)}/owner`, {
        method: 'PUT',
        body: { owner },
        headers: { 'If-Match': `"${record._version ?? ''}"` },
      });
      await queryClient.invalidateQueries({ queryKey: ['record', object.name, record._id] });
      setChanging(false);
      setOwner(undefined);
      void message.success(t('sharing.transferred'));
    } catch (error) {
      setFailure(error instanceof Error ? fromServer(error.message, language) : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={<h2 className="panel-title">{t('sharing.title')}</h2>}>
      <div className="owner-row">
        <span className="owner-label">{t('record.owner')}</span>
        <span className="owner-name">{queue !== undefined ? t('sharing.queue', { name: queue }) : ownerId ? (names.get(ownerId) ?? ownerId) : t('value.empty')}</span>
        {permissions?.take?.allowed && (
          <Button size="small" type="primary" loading={busy} onClick={() => void take()}>
            {t('sharing.take')}
          </Button>
        )}
        {transfer?.allowed && !changing && (
          <Button size="small" onClick={() => setChanging(true)}>
            {t('sharing.change')}
          </Button>
        )}
      </div>
      {notes.owner && <p className="panel-note">{fromServer(notes.owner, language)}</p>}
      {failure && !changing && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {changing && (
        <div className="panel-form" role="group" aria-label={t('sharing.change')}>
          <UserPicker id="new-owner" label={t('sharing.newOwner')} value={owner} onChange={setOwner} />
          <Button type="primary" disabled={!owner} loading={busy} onClick={() => void submit()}>
            {t('sharing.transfer')}
          </Button>
          <Button onClick={() => setChanging(false)} disabled={busy}>
            {t('record.cancel')}
          </Button>
          {failure && (
            <p className="field-error" role="alert">
              {failure}
            </p>
          )}
        </div>
      )}
      <SharesList object={object} id={record._id} permission={permissions?.share} refusal={notes.shares} />
      {notes.panel && <p className="panel-note">{fromServer(notes.panel, language)}</p>}
    </Card>
  );
}
