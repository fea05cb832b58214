import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { FieldEditor } from '../fields/field-editor';
import type { AdminFieldDefinition, AdminObjectDefinition } from './admin-object';

/** An object's fields: label, API name, type, required, unique and help, in their order. */
export function FieldList({ definition, fieldEtags }: { definition: AdminObjectDefinition; fieldEtags?: Readonly<Record<string, string>> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const wide = Grid.useBreakpoint().md !== false;
  const [open, setOpen] = useState<AdminFieldDefinition | 'new' | undefined>();
  const yes = (on: boolean | undefined) => (on ? <CheckOutlined aria-label={t('value.yes')} /> : null);
  const columns: TableColumnsType<AdminFieldDefinition> = [
    {
      key: 'label',
      title: t('setup.fields.label'),
      render: (_, field) => (
        <Button type="link" className="setup-field-link" onClick={() => setOpen(field)}>
          {localize(field.label, language, field.name)}
        </Button>
      ),
    },
    { key: 'name', title: t('setup.fields.apiName'), render: (_, field) => <span className="setup-api-name">{field.name}</span> },
    { key: 'type', title: t('setup.fields.type'), render: (_, field) => <Tag>{t(`setup.fields.types.${field.type}`, { defaultValue: field.type })}</Tag> },
    { key: 'required', title: t('setup.fields.required'), align: 'center', responsive: ['sm'], render: (_, field) => yes(field.required) },
    { key: 'unique', title: t('setup.fields.unique'), align: 'center', responsive: ['md'], render: (_, field) => yes(field.unique) },
    { key: 'help', title: t('setup.fields.help'), responsive: ['lg'], render: (_, field) => localize(field.helpText, language, '') },
  ];
  return (
    <section aria-labelledby="setup-fields-title" className="setup-fields">
      <header className="setup-page-header">
        <h3 id="setup-fields-title">{t('setup.object.fields')}</h3>
        <Button icon={<PlusOutlined />} onClick={() => setOpen('new')}>
          {t('setup.fieldEditor.new')}
        </Button>
      </header>
      <Table<AdminFieldDefinition> rowKey="name" size="middle" columns={columns} dataSource={[...(definition.fields ?? [])]} pagination={false} />
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        size={wide ? 720 : '100%'}
        title={open === 'new' ? t('setup.fieldEditor.newTitle') : open ? t('setup.fieldEditor.editTitle', { name: localize(open.label, language, open.name) }) : ''}
        destroyOnHidden
      >
        {open !== undefined && <FieldEditor key={open === 'new' ? 'new' : open.name} object={definition.name} definition={definition} field={open === 'new' ? undefined : open} etag={open === 'new' ? undefined : fieldEtags?.[open.name]} onDone={() => setOpen(undefined)} />}
      </Drawer>
    </section>
  );
}
