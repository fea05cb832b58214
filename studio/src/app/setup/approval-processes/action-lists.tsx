import { useTranslation } from 'react-i18next';
import type { ObjectDefinition } from '../../../shared/metadata/object-definition';
import { ActionList } from '../automation/action-list';

/**
 * The action lists of a process or of a step, each under its moment, with the same action editors as
 * automation rules (an e-mail may also go to the step's approvers).
 */
export function ActionLists({ lists, object, objects, idPrefix }: { lists: readonly string[]; object: ObjectDefinition | undefined; objects: readonly ObjectDefinition[]; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="setup-fieldset approvals-action-lists">
      <legend>{t('setup.approvals.actions')}</legend>
      <p className="setup-fieldset-help">{t('setup.approvals.actionsHelp')}</p>
      {lists.map((list) => (
        <section key={list} className="approvals-action-list" aria-labelledby={`${idPrefix}-${list}`}>
          <h4 id={`${idPrefix}-${list}`}>{t(`setup.approvals.actionLists.${list}`)}</h4>
          <ActionList name={list} object={object} objects={objects} approval labelledBy={`${idPrefix}-${list}`} />
        </section>
      ))}
    </fieldset>
  );
}
