import { PlusOutlined } from '@ant-design/icons';
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObjectDefinition } from '../../../shared/metadata/object-definition';
import { ActionEditor } from './action-editor';
import { emptyAction } from './automation-rule-draft';
import './automation.css';

interface ActionListProps {
  /** The list's name in the form: `actions` for a rule, `onApprove` or `onEnter` for a process. */
  readonly name: string;
  readonly object: ObjectDefinition | undefined;
  readonly objects: readonly ObjectDefinition[];
  /** A rule needs at least one action; a process's lists may stay empty. */
  readonly required?: boolean;
  /** In an approval process: an e-mail may also go to the step's approvers. */
  readonly approval?: boolean;
  readonly labelledBy?: string;
}

/** An ordered list of actions, each with the form of its type, as rules and approval processes write them. */
export function ActionList({ name, object, objects, required = false, approval = false, labelledBy }: ActionListProps) {
  const { t } = useTranslation();
  return (
    <Form.List
      name={name}
      rules={required ? [{ validator: (_, actions?: unknown[]) => (actions && actions.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('setup.automation.actionsRequired')))) }] : []}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <>
          {fields.length > 0 && (
            <ol className="automation-action-list" aria-labelledby={labelledBy}>
              {fields.map((field, index) => (
                <ActionEditor
                  key={field.key}
                  list={[name]}
                  index={index}
                  count={fields.length}
                  object={object}
                  objects={objects}
                  approval={approval}
                  removable={!required || fields.length > 1}
                  onRemove={() => remove(index)}
                  onMove={(to) => move(index, to)}
                />
              ))}
            </ol>
          )}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined />} onClick={() => add(emptyAction('setField'))} disabled={fields.length >= 20}>
            {t('setup.automation.addAction')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
