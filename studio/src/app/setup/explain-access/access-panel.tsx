import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMessages } from '../../../shared/i18n/i18n';
import { UserPicker } from '../../record/user-picker';
import { setupMessages } from '../setup-messages';
import { AccessAnswer } from './access-answer';

addMessages(setupMessages);

/**
 * "Why can … see this?" on a record page, for those who may ask about any user (manage users,
 * view all data): pick a user, read why they can or cannot see and edit the record. The record
 * page loads it lazily, and only for them.
 */
export function AccessPanel({ object, id }: { object: string; id: string }) {
  const { t } = useTranslation();
  const [user, setUser] = useState<string>();
  return (
    <Card size="small" title={<h2 className="panel-title">{t('setup.explain.panelTitle')}</h2>}>
      <div className="access-picker">
        <label htmlFor="explain-access-user">{t('setup.explain.user')}</label>
        <UserPicker id="explain-access-user" label={t('setup.explain.pickUser')} value={user} onChange={setUser} />
      </div>
      {user ? <AccessAnswer object={object} id={id} user={user} /> : <p className="access-hint">{t('setup.explain.panelHint')}</p>}
    </Card>
  );
}
