import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObjectDefinition } from '../../../shared/metadata/object-definition';
import { ACTION_TYPES, emptyAction, type ActionType } from './automation-rule-draft';
import { ConvertActionForm } from './convert-action-form';
import { CreateRecordAction } from './create-record-action';
import { EmailAction } from './email-action';
import { PackActionForm } from './pack-action-form';
import { CLEARS_SERVER_ERROR } from './server-error-rule';
import { SetFieldAction } from './set-field-action';
import { WebhookAction } from './webhook-action';

interface ActionEditorProps {
  /** Where the list of actions is in the form (['actions'] for a rule), for reading and replacing an action. */
  readonly list: readonly (string | number)[];
  readonly index: number;
  readonly count: number;
  /** The rule's object: the record the action reads and changes. */
  readonly object: ObjectDefinition | undefined;
  readonly objects: readonly ObjectDefinition[];
  /** In an approval process: an e-mail may also go to the step's approvers. */
  readonly approval?: boolean;
  /** False for the last action of a list that needs one. */
  readonly removable: boolean;
  readonly onRemove: () => void;
  readonly onMove: (to: number) => void;
}

/** The fields of one action, by its type (the same shape as a process's actions). */
export interface ActionFormProps {
  /** The action's place in its list: its controls are named [index, …] inside the list. */
  readonly index: number;
  /** The action's whole name in the form ([...list, index]), for what it watches and resets. */
  readonly path: readonly (string | number)[];
  readonly position: number;
  readonly object: ObjectDefinition | undefined;
  readonly objects: readonly ObjectDefinition[];
  readonly approval: boolean;
}

/**
 * One action of the rule's ordered list: its type, then the form of that type. Another type
 * replaces the action with an empty one of that type, so no part of the old one is saved with it.
 */
export function ActionEditor({ list, index, count, object, objects, approval = false, removable, onRemove, onMove }: ActionEditorProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const path = [...list, index];
  const type = Form.useWatch([...path, 'type'], form) as ActionType | undefined;
  const position = index + 1;
  const props: ActionFormProps = { index, path, position, object, objects, approval };
  return (
    <li className="automation-action" aria-label={t('setup.automation.actionTitle', { position })}>
      <div className="automation-action-header">
        <span className="automation-action-number" aria-hidden>
          {position}
        </span>
        <Form.Item name={[index, 'type']} className="automation-action-type" rules={[CLEARS_SERVER_ERROR]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('setup.automation.actionType', { position })}
            options={ACTION_TYPES.map((value) => ({ value, label: t(`setup.automation.types.${value}`) }))}
            onChange={(next: ActionType) => form.setFieldValue(path, emptyAction(next))}
          />
        </Form.Item>
        <span className="automation-action-buttons">
          <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('setup.automation.moveUp', { position })} />
          <Button type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('setup.automation.moveDown', { position })} />
          <Button type="text" danger icon={<DeleteOutlined />} disabled={!removable} onClick={onRemove} aria-label={t('setup.automation.removeAction', { position })} />
        </span>
      </div>
      {type === 'setField' && <SetFieldAction {...props} />}
      {type === 'email' && <EmailAction {...props} />}
      {type === 'webhook' && <WebhookAction {...props} />}
      {type === 'createRecord' && <CreateRecordAction {...props} />}
      {type === 'convert' && <ConvertActionForm {...props} />}
      {type === 'packAction' && <PackActionForm {...props} />}
    </li>
  );
}
