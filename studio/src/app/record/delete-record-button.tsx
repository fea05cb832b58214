import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api/api-client';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import type { RecordLike } from '../../shared/metadata/record-value';
import { RECENT_KEY } from '../home/recent-records-api';
import type { Permission } from './use-record-permissions';

/** Delete to the recycle bin, after a confirmation; disabled with the server's reason where it would refuse. */
export function DeleteRecordButton({ object, record, title, permission }: { object: ObjectDefinition; record: RecordLike; title: string; permission: Permission | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  if (!permission) return null;
  if (!permission.allowed) {
    const reason = fromServer(permission.reason ?? '', language);
    return (
      <Tooltip title={reason}>
        <Button icon={<DeleteOutlined />} disabled aria-label={`${t('record.delete')}: ${reason}`}>
          {t('record.delete')}
        </Button>
      </Tooltip>
    );
  }

  async function remove() {
    try {
      await api<void>(`/records/${encodeURIComponent(object.name)}/${encodeURIComponent(record._id)}`, { method: 'DELETE', headers: { 'If-Match': `"${record._version ?? ''}"` } });
    } catch (error) {
      void message.error(error instanceof Error ? fromServer(error.message, language) : String(error));
      return;
    }
    // The server leaves the deleted record out of the recent ones.
    void queryClient.invalidateQueries({ queryKey: RECENT_KEY });
    await queryClient.invalidateQueries({ queryKey: ['records', object.name] });
    queryClient.removeQueries({ queryKey: ['record', object.name, record._id] });
    void message.success(t('record.deleted'));
    await navigate(`/o/${object.name}`, { replace: true });
  }

  return (
    <Popconfirm
      title={t('record.deleteConfirm', { name: title })}
      description={t('record.deleteHint')}
      okText={t('record.delete')}
      cancelText={t('record.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() => remove()}
    >
      <Button danger icon={<DeleteOutlined />}>
        {t('record.delete')}
      </Button>
    </Popconfirm>
  );
}
