import { DeleteOutlined, DownloadOutlined, EyeOutlined, FileOutlined, FileImageOutlined, FilePdfOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Modal, Popconfirm, Progress, Skeleton, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, uploadFile } from '../../shared/api/api-client';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import './attachments.css';
import { formatBytes, formatSizeOver, previewKind } from './file-kind';
import { filesPath, filesQuery, type Attachment } from './record-queries';
import { useRecordPermissions } from './use-record-permissions';

interface Uploading {
  readonly uid: string;
  readonly name: string;
  readonly percent: number;
}

const ICONS = { image: FileImageOutlined, pdf: FilePdfOutlined };

/**
 * The files of a record: drop or choose files to upload (with progress, refused at once past the
 * size limit), download, preview images and PDFs, delete. Files change with the record: where the
 * server would refuse an edit of it (read-only access, a lock by an approval), there is no drop
 * zone and no delete, and the panel says why in the server's words.
 */
export function AttachmentsPanel({ object, id }: { object: string; id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const [preview, setPreview] = useState<Attachment>();
  const base = filesPath(object, id);
  const { queryKey: key } = filesQuery(object, id);
  const files = useQuery(filesQuery(object, id));
  const fileUrl = (file: Attachment, inline = false) => `/api/v1${base}/${encodeURIComponent(file.id)}${inline ? '?disposition=inline' : ''}`;
  const limit = formatBytes(files.data?.maxBytes ?? 0);
  const edit = useRecordPermissions(object, id).data?.edit;
  // Unknown permissions leave the drop zone: the server refuses what it must anyway.
  const mayChange = edit?.allowed !== false;

  async function upload(file: File, uid: string) {
    setUploading((current) => [...current, { uid, name: file.name, percent: 0 }]);
    try {
      await uploadFile(base, file, (fraction) =>
        setUploading((current) => current.map((entry) => (entry.uid === uid ? { ...entry, percent: Math.round(fraction * 100) } : entry))),
      );
      void message.success(t('files.uploaded', { name: file.name }));
    } catch (error) {
      void message.error(t('files.failed', { name: file.name, message: fromServer(error instanceof Error ? error.message : String(error), language) }));
    } finally {
      setUploading((current) => current.filter((entry) => entry.uid !== uid));
      await queryClient.invalidateQueries({ queryKey: key });
    }
  }

  async function remove(file: Attachment) {
    try {
      await api<void>(`${base}/${encodeURIComponent(file.id)}`, { method: 'DELETE' });
      void message.success(t('files.deleted'));
    } catch (error) {
      void message.error(fromServer(error instanceof Error ? error.message : String(error), language));
    }
    await queryClient.invalidateQueries({ queryKey: key });
  }

  return (
    <Card title={<h2 className="files-title">{t('files.title')}</h2>} size="small" className="files-panel">
      {files.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {files.error && <Alert type="error" showIcon title={fromServer(files.error.message, language)} />}
      {files.data && (
        <>
          {!mayChange && (
            <p className="files-meta files-read-only">{t('files.readOnly', { reason: fromServer(edit?.reason ?? '', language) })}</p>
          )}
          {mayChange && (
            <Upload.Dragger
              multiple
              showUploadList={false}
              aria-label={t('files.upload')}
              beforeUpload={(file) => {
                if (file.size <= files.data.maxBytes) return true;
                void message.error(t('files.tooLarge', { name: file.name, size: formatSizeOver(file.size), limit }));
                return Upload.LIST_IGNORE;
              }}
              customRequest={({ file }) => {
                if (file instanceof File) void upload(file, (file as File & { uid?: string }).uid ?? file.name);
              }}
            >
              <p className="files-drop-hint">
                <InboxOutlined aria-hidden /> {t('files.drop', { limit })}
              </p>
            </Upload.Dragger>
          )}
          {uploading.map((entry) => (
            <div key={entry.uid} className="files-progress">
              <span className="files-meta">{t('files.uploading', { name: entry.name })}</span>
              <Progress percent={entry.percent} size="small" aria-label={t('files.uploading', { name: entry.name })} />
            </div>
          ))}
          {files.data.files.length === 0 && uploading.length === 0 ? (
            <p className="files-meta" style={{ marginTop: 12 }}>{t('files.empty')}</p>
          ) : (
            <ul className="files-list" aria-label={t('files.title')}>
              {files.data.files.map((file) => {
                const kind = previewKind(file.contentType, file.name);
                const Icon = kind ? ICONS[kind] : FileOutlined;
                return (
                  <li key={file.id} className="files-item">
                    <Icon className="files-icon" aria-hidden />
                    <span className="files-text">
                      <span className="files-name" title={file.name}>{file.name}</span>
                      <span className="files-meta">{t('files.details', { size: formatBytes(file.size), date: new Date(file.createdAt).toLocaleString(language) })}</span>
                    </span>
                    <span className="files-actions">
                      {kind && <Button type="text" icon={<EyeOutlined />} aria-label={t('files.preview', { name: file.name })} onClick={() => setPreview(file)} />}
                      <Button type="text" icon={<DownloadOutlined />} href={fileUrl(file)} download={file.name} aria-label={t('files.download', { name: file.name })} />
                      {mayChange && (
                        <Popconfirm title={t('files.deleteConfirm')} onConfirm={() => remove(file)}>
                          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('files.delete', { name: file.name })} />
                        </Popconfirm>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
      <Modal open={preview !== undefined} title={preview?.name} footer={null} width={900} onCancel={() => setPreview(undefined)} destroyOnHidden closable={{ 'aria-label': t('files.close') }}>
        {preview && previewKind(preview.contentType, preview.name) === 'image' && <img className="files-preview-image" src={fileUrl(preview, true)} alt={preview.name} />}
        {preview && previewKind(preview.contentType, preview.name) === 'pdf' && <iframe className="files-preview-pdf" src={fileUrl(preview, true)} title={preview.name} />}
      </Modal>
    </Card>
  );
}
