import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Spin, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { RoleEditor } from './role-editor';
import { buildRoleTree, dropOutcome, withParent, type RoleDefinition } from './role-tree';
import { ifMatch } from '../use-opened-etag';
import { rolesQuery } from './roles-query';

/** What the right-hand panel shows: a role to edit, a new role, or nothing yet. */
type Selection = { readonly kind: 'role'; readonly name: string } | { readonly kind: 'new' } | { readonly kind: 'none' };

/**
 * /setup/roles: the role hierarchy as a tree. Dragging a role onto another puts it under that
 * one, between two puts it beside them; the editor's "Reports to" select does the same from the
 * keyboard. Each change is one PUT of the whole role, which the engine checks (cycles, rights).
 */
export function RolePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useQuery(rolesQuery);
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [moveError, setMoveError] = useState<string | undefined>();
  const list = useMemo(() => roles.data?.roles ?? [], [roles.data]);
  const tree = useMemo(() => buildRoleTree(list, (role) => localize(role.label, language, role.name), new Intl.Collator(language)), [list, language]);
  const selected = selection.kind === 'role' ? list.find((role) => role.name === selection.name) : undefined;

  async function move(role: RoleDefinition, reportsTo: string | undefined) {
    setMoveError(undefined);
    try {
      // The role as the tree shows it: if another admin changed it meanwhile, the move is refused rather than undoing their change.
      await api(`/meta/roles/${encodeURIComponent(role.name)}`, { method: 'PUT', body: withParent(role, reportsTo), headers: ifMatch(roles.data?.etags?.[role.name]) });
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      void message.success(t('setup.roles.moved', { name: localize(role.label, language, role.name) }));
    } catch (error) {
      setMoveError(t('setup.roles.moveFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <section aria-labelledby="setup-roles-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-roles-title">{t('setup.roles.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.roles.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setSelection({ kind: 'new' })}>
          {t('setup.roles.new')}
        </Button>
      </header>
      {roles.error && <Alert type="error" showIcon role="alert" title={t('setup.roles.loadFailed', { message: roles.error.message })} />}
      {moveError && <Alert type="error" showIcon role="alert" className="setup-form-alert" title={moveError} closable={{ onClose: () => setMoveError(undefined) }} />}
      <div className="setup-split">
        <div className="setup-panel setup-role-tree">
          <h3 id="setup-roles-tree">{t('setup.roles.hierarchy')}</h3>
          <p className="setup-hint">{t('setup.roles.dragHint')}</p>
          {roles.isPending ? (
            <Spin />
          ) : tree.length === 0 ? (
            <p>{t('setup.roles.empty')}</p>
          ) : (
            <Tree
              aria-labelledby="setup-roles-tree"
              blockNode
              draggable={{ icon: false }}
              showLine
              treeData={tree}
              expandedKeys={list.map((role) => role.name).filter((name) => !collapsed.has(name))}
              onExpand={(keys) => {
                const open = new Set(keys.map(String));
                setCollapsed(new Set(list.map((role) => role.name).filter((name) => !open.has(name))));
              }}
              selectedKeys={selection.kind === 'role' ? [selection.name] : []}
              // Space on the selected role would unselect it: the editor stays on it instead.
              onSelect={(keys) => keys[0] !== undefined && setSelection({ kind: 'role', name: String(keys[0]) })}
              onDrop={(info) => {
                const dragged = list.find((role) => role.name === String(info.dragNode.key));
                if (!dragged) return;
                const outcome = dropOutcome(list, dragged.name, String(info.node.key), info.dropToGap ? 'beside' : 'onto');
                switch (outcome.kind) {
                  case 'move':
                    void move(dragged, outcome.reportsTo);
                    return;
                  case 'cycle':
                    setMoveError(t('setup.roles.cycle', { name: localize(dragged.label, language, dragged.name) }));
                    return;
                  case 'unchanged':
                    return;
                  default:
                    return assertNever(outcome);
                }
              }}
            />
          )}
        </div>
        <div className="setup-panel">
          {selection.kind === 'new' ? (
            <RoleEditor key="new" roles={list} onSaved={(name) => setSelection({ kind: 'role', name })} onDeleted={() => setSelection({ kind: 'none' })} />
          ) : selected ? (
            // Keyed by the parent too: a drag moves the role under the open form, which must not save the old parent back.
            <RoleEditor key={`${selected.name}:${selected.reportsTo ?? ''}`} role={selected} etag={roles.data?.etags?.[selected.name]} roles={list} onSaved={(name) => setSelection({ kind: 'role', name })} onDeleted={() => setSelection({ kind: 'none' })} />
          ) : (
            <p className="setup-hint">{t('setup.roles.pick')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function assertNever(value: never): never {
  throw new Error(`Unexpected drop outcome: ${JSON.stringify(value)}`);
}
