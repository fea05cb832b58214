import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { SYSTEM_RIGHTS, type SystemRight } from './permission-set-rights';

/** The organisation-wide rights, each with what it allows in a sentence. */
export function SystemRightsList({ rights, onChange }: { rights: Readonly<Partial<Record<SystemRight, boolean>>>; onChange: (rights: Partial<Record<SystemRight, boolean>>) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="permission-system-rights">
      {SYSTEM_RIGHTS.map((right) => (
        <li key={right}>
          <Checkbox checked={rights[right] === true} onChange={(event) => onChange({ ...rights, [right]: event.target.checked })} aria-describedby={`system-right-${right}`}>
            {t(`setup.permissionSets.systemRight.${right}`)}
          </Checkbox>
          <p id={`system-right-${right}`} className="permission-system-help">
            {t(`setup.permissionSets.systemHelp.${right}`)}
          </p>
        </li>
      ))}
    </ul>
  );
}
