import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../../shared/api/api-client';
import type { UploadedImport } from './import-logic';

/** The first step: a CSV or XLSX file dropped or chosen (with the keyboard too), sent as it is. */
export function UploadStep({ object, onUploaded }: { object: string; onUploaded: (uploaded: UploadedImport) => void }) {
  const { t } = useTranslation();
  const [reading, setReading] = useState<string>();
  const [error, setError] = useState<string>();

  async function send(file: File) {
    setError(undefined);
    setReading(file.name);
    try {
      onUploaded(await uploadFile<UploadedImport>(`/imports?object=${encodeURIComponent(object)}`, file, () => undefined));
    } catch (failure) {
      setError(t('import.upload.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setReading(undefined);
    }
  }

  return (
    <div className="import-upload">
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={reading !== undefined}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <CloudUploadOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{reading ? t('import.upload.uploading', { name: reading }) : t('import.upload.hint')}</p>
        <p className="ant-upload-hint">{t('import.upload.help')}</p>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon role="alert" className="import-alert" title={error} />}
    </div>
  );
}
