import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { UserPicker } from '../../record/user-picker';
import { groupsQuery } from '../groups/groups-query';
import { rolesQuery } from '../roles/roles-query';
import type { ApproverDraft, ApproverKind } from './approver-draft';

const KINDS: readonly ApproverKind[] = ['user', 'role', 'manager', 'field', 'group'];

interface ApproverListProps {
  readonly id?: string;
  readonly value?: readonly ApproverDraft[];
  readonly onChange?: (value: ApproverDraft[]) => void;
  /** The process's object: its lookups to users are the fields an approver may be named by. */
  readonly object: string;
}

/** A step's approvers as a form control: one row each, its kind and whom it names. */
export function ApproverList({ id, value = [], onChange, object }: ApproverListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const roles = useQuery(rolesQuery);
  const groups = useQuery(groupsQuery);
  const objects = useObjects();
  const userFields = (objects.data?.objects.find((candidate) => candidate.name === object)?.fields ?? []).filter((field) => field.type === 'lookup' && field.target === 'user');
  const change = (index: number, approver: ApproverDraft) => onChange?.(value.map((current, at) => (at === index ? approver : current)));

  return (
    <div className="approver-list" id={id} tabIndex={-1}>
      {value.map((approver, index) => {
        const row = index + 1;
        const kindLabel = `${t('setup.approvals.approverKind')} ${row}`;
        const valueLabel = `${t('setup.approvals.approverValue')} ${row}`;
        return (
          <div className="approver-row" key={index}>
            <Select
              id={`${id ?? 'approvers'}-kind-${index}`}
              aria-label={kindLabel}
              value={approver.kind}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(kind: ApproverKind) => change(index, { kind, value: '' })}
              options={KINDS.map((kind) => ({ value: kind, label: t(`setup.approvals.kinds.${kind}`) }))}
              className="approver-kind"
            />
            {approver.kind === 'user' && (
              <UserPicker id={`${id ?? 'approvers'}-value-${index}`} label={valueLabel} value={approver.value || undefined} onChange={(user) => change(index, { kind: 'user', value: user ?? '' })} />
            )}
            {(approver.kind === 'role' || approver.kind === 'group' || approver.kind === 'field') && (
              <Select
                id={`${id ?? 'approvers'}-value-${index}`}
                aria-label={valueLabel}
                showSearch={{ optionFilterProp: 'label' }}
                value={approver.value || undefined}
                onChange={(picked: string) => change(index, { kind: approver.kind, value: picked })}
                options={
                  approver.kind === 'role'
                    ? (roles.data?.roles ?? []).map((role) => ({ value: role.name, label: localize(role.label, language, role.name) }))
                    : approver.kind === 'group'
                      ? (groups.data?.groups ?? []).map((group) => ({ value: group.name, label: localize(group.label, language, group.name) }))
                      : userFields.map((field) => ({ value: field.name, label: localize(field.label, language, field.name) }))
                }
                className="approver-value"
              />
            )}
            <Button type="text" icon={<DeleteOutlined />} aria-label={t('setup.approvals.removeApprover', { index: row })} onClick={() => onChange?.(value.filter((_, at) => at !== index))} />
          </div>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={() => onChange?.([...value, { kind: 'user', value: '' }])}>
        {t('setup.approvals.addApprover')}
      </Button>
    </div>
  );
}
