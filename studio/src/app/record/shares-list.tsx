import { DeleteOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import { fromServer, localize, type LocalizedText } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import type { Permission } from './use-record-permissions';
import { definitionsQuery, sharesPath, sharesQuery, type Definition } from './record-queries';
import { useRecordNames } from './use-record-names';
import { UserPicker } from './user-picker';


type GranteeKind = 'user' | 'role' | 'roleAndSubordinates' | 'group';

/**
 * The manual shares of a record: who else reads or edits it, and (for those who may) add and remove;
 * `refusal` is why the user may not share, when the panel says it here rather than once for both parts.
 */
export function SharesList({ object, id, permission, refusal }: { object: ObjectDefinition; id: string; permission: Permission | undefined; refusal: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { queryKey: key } = sharesQuery(object.name, id);
  const shares = useQuery(sharesQuery(object.name, id));
  const roles = useQuery(definitionsQuery('roles'));
  const groups = useQuery(definitionsQuery('groups'));
  const list = shares.data?.shares ?? [];
  const users = useRecordNames('user', list.filter((share) => share.to.startsWith('u:')).map((share) => share.to.slice(2)));
  const [kind, setKind] = useState<GranteeKind>('user');
  const [grantee, setGrantee] = useState<string>();
  const [access, setAccess] = useState<'read' | 'edit'>('read');
  const [failure, setFailure] = useState<string>();
  const allowed = permission?.allowed === true;
  const base = sharesPath(object.name, id);

  const labelOf = (definitions: readonly Definition[] | undefined, name: string) => localize(definitions?.find((definition) => definition.name === name)?.label, language, name);
  function granteeName(to: string): string {
    const [prefix, ...rest] = to.split(':');
    const name = rest.join(':');
    if (prefix === 'u') return users.get(name) ?? name;
    if (prefix === 'r') return t('sharing.role', { name: labelOf(roles.data, name) });
    if (prefix === 'rs') return t('sharing.roleAndSubordinates', { name: labelOf(roles.data, name) });
    return t('sharing.group', { name: labelOf(groups.data, name) });
  }

  async function change(run: () => Promise<unknown>, done: string) {
    setFailure(undefined);
    try {
      await run();
      await queryClient.invalidateQueries({ queryKey: key });
      void message.success(done);
    } catch (error) {
      setFailure(error instanceof Error ? fromServer(error.message, language) : String(error));
    }
  }

  const kinds: GranteeKind[] = ['user', ...((roles.data?.length ?? 0) > 0 ? (['role', 'roleAndSubordinates'] as const) : []), ...((groups.data?.length ?? 0) > 0 ? (['group'] as const) : [])];
  const definitions = kind === 'group' ? groups.data : roles.data;

  return (
    <section className="shares" aria-labelledby="shares-title">
      <h3 id="shares-title" className="panel-subtitle">
        {t('sharing.sharedWith')}
      </h3>
      {list.length === 0 && <p className="panel-note">{t('sharing.none')}</p>}
      {list.length > 0 && (
        <ul className="share-rows">
          {list.map((share) => (
            <li key={share.id} className="share-row">
              <span className="share-name">{granteeName(share.to)}</span>
              <span className="share-access">{t(share.access === 'edit' ? 'sharing.edit' : 'sharing.read')}</span>
              {allowed && (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('sharing.remove', { name: granteeName(share.to) })}
                  onClick={() => void change(() => api<void>(`${base}/${encodeURIComponent(share.id)}`, { method: 'DELETE' }), t('sharing.removed'))}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {refusal && <p className="panel-note">{fromServer(refusal, language)}</p>}
      {allowed && (
        <div className="panel-form" role="group" aria-label={t('sharing.add')}>
          <Select
            aria-label={t('sharing.kind')}
            value={kind}
            onChange={(next: GranteeKind) => {
              setKind(next);
              setGrantee(undefined);
            }}
            options={kinds.map((value) => ({ value, label: t(`sharing.kinds.${value}`) }))}
            style={{ minWidth: 140 }}
          />
          {kind === 'user' ? (
            <UserPicker id="share-user" label={t('sharing.grantee')} value={grantee} onChange={setGrantee} />
          ) : (
            <Select
              aria-label={t('sharing.grantee')}
              placeholder={t('sharing.grantee')}
              value={grantee}
              onChange={(next: string) => setGrantee(next)}
              options={(definitions ?? []).map((definition) => ({ value: definition.name, label: localize(definition.label, language, definition.name) }))}
              style={{ minWidth: 200, flex: '1 1 200px' }}
            />
          )}
          <Select
            aria-label={t('sharing.access')}
            value={access}
            onChange={(next: 'read' | 'edit') => setAccess(next)}
            options={[
              { value: 'read', label: t('sharing.read') },
              { value: 'edit', label: t('sharing.edit') },
            ]}
            style={{ minWidth: 140 }}
          />
          <Button
            type="primary"
            disabled={!grantee}
            onClick={() =>
              void change(async () => {
                await api(base, { method: 'POST', body: { [kind]: grantee, access } });
                setGrantee(undefined);
              }, t('sharing.shared'))
            }
          >
            {t('sharing.share')}
          </Button>
        </div>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
