import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { groupsQuery } from '../groups/groups-query';
import { rolesQuery } from '../roles/roles-query';
import { GRANTEE_KINDS, type GranteeDraft, type GranteeKind } from './sharing-rule-draft';

/**
 * A role, a role with those below it, or a group: the kind, then which one. A Form.Item passes
 * value, onChange and the id (on the first select, so the label and the server's error reach it).
 */
export function GranteePicker({ id, value, onChange, label }: { id?: string; value?: GranteeDraft; onChange?: (value: GranteeDraft) => void; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const roles = useQuery(rolesQuery);
  const groups = useQuery(groupsQuery);
  const current = value ?? { kind: 'role', name: undefined };
  const names =
    current.kind === 'group'
      ? (groups.data?.groups ?? []).map((group) => ({ value: group.name, label: localize(group.label, language, group.name) }))
      : (roles.data?.roles ?? []).map((role) => ({ value: role.name, label: localize(role.label, language, role.name) }));
  return (
    <div className="grantee-picker">
      <Select<GranteeKind>
        id={id}
        aria-label={`${label}: ${t('setup.sharingRules.granteeKind')}`}
        value={current.kind}
        onChange={(kind) => onChange?.({ kind, name: kind === 'group' || current.kind === 'group' ? undefined : current.name })}
        options={GRANTEE_KINDS.map((kind) => ({ value: kind, label: t(`setup.sharingRules.kinds.${kind}`) }))}
        popupMatchSelectWidth={false}
      />
      <Select<string>
        aria-label={`${label}: ${t('setup.sharingRules.granteeName')}`}
        value={current.name}
        onChange={(name) => onChange?.({ ...current, name })}
        options={names}
        showSearch={{ optionFilterProp: 'label' }}
        loading={current.kind === 'group' ? groups.isPending : roles.isPending}
      />
    </div>
  );
}
