import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { localize, type LocalizedText } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { CLEARS_SERVER_ERROR } from '../automation/server-error-rule';
import { isRecordEvent, WEBHOOK_EVENTS, type WebhookDraft } from './webhook-definition';

/** The events a webhook listens to, one row each: the event, then its object (and fields) or its approval process. */
export function WebhookEventsField() {
  const { t } = useTranslation();
  const language = useLanguage();
  const objects = useObjects();
  const processes = useQuery({
    queryKey: ['meta', 'approval-processes'],
    queryFn: () => api<{ approvalProcesses: { name: string; object: string; label?: LocalizedText }[] }>('/meta/approval-processes'),
  });
  const form = Form.useFormInstance<WebhookDraft>();
  const events = (Form.useWatch('events', form) ?? []) as WebhookDraft['events'];
  const objectOptions = (objects.data?.objects ?? []).map((object) => ({ value: object.name, label: localize(object.pluralLabel ?? object.label, language, object.name) }));
  const processOptions = (processes.data?.approvalProcesses ?? []).map((process) => ({ value: process.name, label: localize(process.label, language, process.name) }));
  const fieldOptions = (object: string | undefined) =>
    (objects.data?.objects.find((candidate) => candidate.name === object)?.fields ?? []).map((field) => ({ value: field.name, label: localize(field.label, language, field.name) }));

  return (
    <fieldset className="setup-fieldset">
      <legend>{t('setup.webhooks.eventsLegend')}</legend>
      <p className="setup-fieldset-help">{t('setup.webhooks.eventsHelp')}</p>
      <Form.List name="events">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => {
              const event = events[index];
              const onRecord = isRecordEvent(event?.on);
              return (
                <div key={row.key} className="webhook-event-row" role="group" aria-label={`${t('setup.webhooks.eventKind')} ${index + 1}`}>
                  <Form.Item name={[row.name, 'on']} label={t('setup.webhooks.eventKind')} rules={[{ required: true, message: t('setup.webhooks.eventRequired') }]}>
                    <Select options={WEBHOOK_EVENTS.map((name) => ({ value: name, label: t(`setup.webhooks.eventNames.${name}`) }))} />
                  </Form.Item>
                  {onRecord ? (
                    <Form.Item name={[row.name, 'object']} label={t('setup.webhooks.eventObject')} rules={[{ required: true, message: t('setup.webhooks.objectRequired') }]}>
                      <Select showSearch={{ optionFilterProp: 'label' }} loading={objects.isPending} options={objectOptions} />
                    </Form.Item>
                  ) : (
                    <Form.Item name={[row.name, 'process']} label={t('setup.webhooks.eventProcess')} rules={[{ required: true, message: t('setup.webhooks.processRequired') }]}>
                      <Select showSearch={{ optionFilterProp: 'label' }} loading={processes.isPending} options={processOptions} />
                    </Form.Item>
                  )}
                  {event?.on === 'record.updated' && (
                    <Form.Item name={[row.name, 'fields']} label={t('setup.webhooks.eventFields')} rules={[CLEARS_SERVER_ERROR]}>
                      <Select mode="multiple" allowClear placeholder={t('setup.webhooks.eventFieldsPlaceholder')} options={fieldOptions(event.object)} optionFilterProp="label" />
                    </Form.Item>
                  )}
                  <Button
                    className="webhook-event-remove"
                    icon={<DeleteOutlined />}
                    aria-label={t('setup.webhooks.removeEvent', { index: index + 1 })}
                    disabled={rows.length === 1}
                    onClick={() => remove(row.name)}
                  />
                </div>
              );
            })}
            <Button icon={<PlusOutlined />} onClick={() => add({ on: 'record.created' })}>
              {t('setup.webhooks.addEvent')}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
