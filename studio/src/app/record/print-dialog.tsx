import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Grid, Modal, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import { fromServer, localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { PrintedDocument, PrintTemplateSummary } from './print-button';
import './print-dialog.css';

interface PrintDialogProps {
  readonly object: string;
  readonly recordId: string;
  readonly title: string;
  readonly templates: readonly PrintTemplateSummary[];
  readonly onClose: () => void;
}

/**
 * The record printed through one of its object's templates, in the reader's language: the HTML
 * document in a sandboxed frame (nothing in it runs), and its PDF to download. Full screen on a phone.
 */
export function PrintDialog({ object, recordId, title, templates, onClose }: PrintDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const screens = Grid.useBreakpoint();
  const [template, setTemplate] = useState(templates[0]!.name);
  const path = `/records/${encodeURIComponent(object)}/${encodeURIComponent(recordId)}/print/${encodeURIComponent(template)}`;
  const printed = useQuery({ queryKey: ['print', object, recordId, template, language], queryFn: () => api<PrintedDocument>(path).then((document) => document.html), retry: false });
  const pdf = `/api/v1${path}?format=pdf&download=true&lang=${encodeURIComponent(language)}`;

  return (
    <Modal
      open
      title={t('record.printTitle', { name: title })}
      onCancel={onClose}
      width={screens.md ? 920 : '100%'}
      className="print-dialog"
      footer={[
        <Button key="close" onClick={onClose}>
          {t('record.printClose')}
        </Button>,
        <Button key="pdf" type="primary" icon={<DownloadOutlined />} href={pdf} download>
          {t('record.printDownload')}
        </Button>,
      ]}
    >
      {templates.length > 1 && (
        <label className="print-dialog-template">
          <span>{t('record.printTemplate')}</span>
          <Select value={template} onChange={setTemplate} options={templates.map((entry) => ({ value: entry.name, label: localize(entry.label, language, entry.name) }))} />
        </label>
      )}
      {printed.error && <Alert type="error" showIcon role="alert" title={t('record.printFailed', { message: fromServer(printed.error.message, language) })} />}
      {printed.isPending && <Skeleton active />}
      {printed.data !== undefined && <iframe className="print-dialog-frame" title={t('record.printFrame')} sandbox="" srcDoc={printed.data} />}
    </Modal>
  );
}
