import { useTranslation } from 'react-i18next';
import { DefinitionPage } from '../definition-page';
import { DeliveryLog } from './delivery-log';
import type { WebhookDefinition } from './webhook-definition';
import { WebhookEditor } from './webhook-editor';
import './webhooks.css';

/** /setup/webhooks/new and /setup/webhooks/:name: a webhook's editor, and under it its delivery log. */
export function WebhookPage() {
  const { t } = useTranslation();
  return (
    <DefinitionPage<WebhookDefinition>
      path="webhooks"
      setupPath="webhooks"
      newTitle={t('setup.webhooks.newTitle')}
      backToList={t('setup.webhooks.backToList')}
      editor={(slot) => (
        <>
          <WebhookEditor {...slot} />
          {slot.definition && <DeliveryLog name={slot.definition.name} />}
        </>
      )}
    />
  );
}
