import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { UserPickerControl } from '../user-picker-control';
import { RuleExpression } from '../automation/rule-expression';
import { CLEARS_SERVER_ERROR } from '../automation/server-error-rule';
import { groupsQuery } from '../groups/groups-query';
import { ASSIGNEE_KINDS, type AssigneeKind } from './assignment-rule-draft';

interface AssignmentEntryProps {
  readonly index: number;
  readonly count: number;
  readonly object: string;
  readonly onRemove: () => void;
  readonly onMove: (to: number) => void;
}

/** One entry of an assignment rule: its condition, then whom it assigns to (a user, or a group as a queue or in turn). */
export function AssignmentEntry({ index, count, object, onRemove, onMove }: AssignmentEntryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['entries', index, 'kind'], form) as AssigneeKind | undefined;
  const groups = useQuery(groupsQuery);
  const position = index + 1;
  return (
    <li className="automation-action" aria-label={t('setup.assignment.entryTitle', { position })}>
      <div className="automation-action-header">
        <span className="automation-action-number" aria-hidden>
          {position}
        </span>
        <Form.Item name={[index, 'kind']} className="automation-action-type" rules={[CLEARS_SERVER_ERROR]}>
          <Select aria-label={t('setup.assignment.kind', { position })} options={ASSIGNEE_KINDS.map((value) => ({ value, label: t(`setup.assignment.kinds.${value}`) }))} />
        </Form.Item>
        <span className="automation-action-buttons">
          <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('setup.assignment.moveUp', { position })} />
          <Button type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('setup.assignment.moveDown', { position })} />
          <Button type="text" danger icon={<DeleteOutlined />} disabled={count === 1} onClick={onRemove} aria-label={t('setup.assignment.removeEntry', { position })} />
        </span>
      </div>
      {kind === 'user' ? (
        <Form.Item name={[index, 'user']} label={t('setup.assignment.user', { position })} rules={[{ required: true, message: t('setup.assignment.userRequired') }]}>
          <UserPickerControl label={t('setup.assignment.user', { position })} id={`assignment-user-${index}`} />
        </Form.Item>
      ) : (
        <Form.Item name={[index, 'group']} label={t('setup.assignment.group', { position })} rules={[{ required: true, message: t('setup.assignment.groupRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={groups.isPending}
            options={(groups.data?.groups ?? []).map((group) => ({ value: group.name, label: localize(group.label, language, group.name) }))}
          />
        </Form.Item>
      )}
      <Form.Item name={[index, 'condition']} label={t('setup.assignment.condition', { position })} extra={t('setup.assignment.conditionHelp')} rules={[CLEARS_SERVER_ERROR]}>
        <RuleExpression object={object} purpose="condition" aria-label={t('setup.assignment.condition', { position })} />
      </Form.Item>
    </li>
  );
}

