import { LockOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { useApproval } from '../approvals/use-approval';
import './record-lock.css';

/**
 * Under the record's title: the approval process that locked the record and why, in the server's
 * words (the sentence an edit would be refused with), and whether this user may still edit it.
 * Nothing while the record is unlocked.
 */
export function RecordLockBadge({ object, id }: { object: string; id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const lock = useApproval(object, id).data?.lock;
  if (!lock) return null;
  return (
    <p className="record-lock">
      <Tag icon={<LockOutlined aria-hidden />} color="#92400e" className="record-lock-tag">
        {t('approvals.locked')}
      </Tag>
      <span className="record-lock-reason">
        {fromServer(lock.reason, language)}
        {lock.mayEdit && ` ${t('record.lockedMayEdit')}`}
      </span>
    </p>
  );
}
