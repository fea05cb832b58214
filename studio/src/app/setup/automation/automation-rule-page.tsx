import { useTranslation } from 'react-i18next';
import { DefinitionPage } from '../definition-page';
import type { AutomationRuleDefinition } from './automation-rule-definition';
import { AutomationRuleEditor } from './automation-rule-editor';

/** /setup/automation/new (?object=… to start on an object) and /setup/automation/:name: one rule's editor. */
export function AutomationRulePage() {
  const { t } = useTranslation();
  return (
    <DefinitionPage<AutomationRuleDefinition>
      path="automation-rules"
      setupPath="automation"
      newTitle={t('setup.automation.newTitle')}
      backToList={t('setup.automation.backToList')}
      editor={({ definition, ...slot }) => <AutomationRuleEditor rule={definition} {...slot} />}
    />
  );
}
