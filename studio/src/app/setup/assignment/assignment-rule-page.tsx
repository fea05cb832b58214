import { useTranslation } from 'react-i18next';
import { DefinitionPage } from '../definition-page';
import { AssignmentRuleEditor } from './assignment-rule-editor';
import type { AssignmentRuleDefinition } from './assignment-rule-draft';

/** /setup/assignment-rules/new (?object=…) and /setup/assignment-rules/:name: one assignment rule's editor. */
export function AssignmentRulePage() {
  const { t } = useTranslation();
  return (
    <DefinitionPage<AssignmentRuleDefinition>
      path="assignment-rules"
      setupPath="assignment-rules"
      newTitle={t('setup.assignment.newTitle')}
      backToList={t('setup.assignment.backToList')}
      editor={({ definition, ...slot }) => <AssignmentRuleEditor rule={definition} {...slot} />}
    />
  );
}
