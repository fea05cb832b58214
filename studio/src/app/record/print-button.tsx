import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import type { LocalizedText } from '../../shared/i18n/localize';

const PrintDialog = lazy(() => import('./print-dialog').then((module) => ({ default: module.PrintDialog })));

/** A print template as a reader may know it: what the Print menu needs. */
export interface PrintTemplateSummary {
  readonly name: string;
  readonly object: string;
  readonly label?: LocalizedText;
}

/** A printed record as the API gives it to a client that asks for JSON. */
export interface PrintedDocument {
  readonly title: string;
  readonly html: string;
}

/** Print on a record page, for objects with print templates: opens the printed document with its PDF (the dialog is a chunk of its own). */
export function PrintButton({ object, recordId, title }: { readonly object: string; readonly recordId: string; readonly title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const templates = useQuery({
    queryKey: ['meta', 'print-templates', 'of', object],
    queryFn: () => api<{ printTemplates: PrintTemplateSummary[] }>('/meta/print-templates', { query: { object } }),
    staleTime: 60_000,
  });
  const list = templates.data?.printTemplates ?? [];
  if (list.length === 0) return null;
  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => setOpen(true)}>
        {t('record.print')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <PrintDialog object={object} recordId={recordId} title={title} templates={list} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
