import { useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api-client';
import type { ErrorDetail } from '../../shared/api/api-error';
import type { LocalizedText } from '../../shared/i18n/localize';
import { useServerErrors } from './use-server-errors';
import { ifMatch, useOpenedEtag } from './use-opened-etag';

/** What the editor saves: a whole definition, named and labelled. */
type Labelled = { readonly name: string; readonly label?: LocalizedText };

/** The setup pages' kinds defined on their own, by their path under /meta. */
export type DefinitionPath = 'roles' | 'groups' | 'sharing-rules' | 'layouts' | 'list-views' | 'apps' | 'automation-rules' | 'assignment-rules' | 'print-templates' | 'reports' | 'dashboards' | 'webhooks';

interface DefinitionEditorOptions<C extends string> {
  readonly path: DefinitionPath;
  readonly form: FormInstance;
  readonly errorsOf: (details: readonly ErrorDetail[]) => { controls: Partial<Record<C, string[]>>; form: string[] };
  /** The name of the definition edited; undefined for a new one. */
  readonly existing: string | undefined;
  /** Its ETag as read (a list's `etags`, a read's `etag`): changes are sent conditional on it. */
  readonly etag?: string;
  /** What to say once it is saved (created or not) or deleted. */
  readonly saved: (definition: Labelled, created: boolean) => string;
  readonly deleted: () => string;
  /** `created`: the server's answer to a create, for a kind that shows something once in it (a webhook's generated secret). */
  readonly onSaved: (name: string, created?: unknown) => void;
  readonly onDeleted: () => void;
}

/**
 * Saving and deleting one definition of a kind from its setup form: a whole definition is POSTed
 * (new) or PUT (existing) conditional on the definition as the editor opened it, every metadata query refreshed after (the app's pickers and menus read
 * the same metadata, and its navigation and list views the /ui answers made of it), and the
 * server's problems put on the controls (use-server-errors.ts).
 */
export function useDefinitionEditor<C extends string>(options: DefinitionEditorOptions<C>) {
  const { path, form, errorsOf, existing } = options;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const { formErrors, clear, fail } = useServerErrors(form, errorsOf);
  const opened = useOpenedEtag(options.etag);

  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['meta'] }), queryClient.invalidateQueries({ queryKey: ['ui'] })]);

  async function save(definition: Labelled) {
    setBusy(true);
    clear();
    try {
      let created: unknown;
      if (existing === undefined) created = await api(`/meta/${path}`, { method: 'POST', body: definition });
      else opened.renew(await api(`/meta/${path}/${encodeURIComponent(existing)}`, { method: 'PUT', body: definition, headers: ifMatch(opened.etag) }));
      await refresh();
      void message.success(options.saved(definition, existing === undefined));
      options.onSaved(definition.name, created);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (existing === undefined) return;
    clear();
    try {
      await api(`/meta/${path}/${encodeURIComponent(existing)}`, { method: 'DELETE', headers: ifMatch(opened.etag) });
      await refresh();
      void message.success(options.deleted());
      options.onDeleted();
    } catch (error) {
      // A refusal (users still hold the role, rules share with the group) says why in its message.
      fail(error);
    }
  }

  return { busy, formErrors, save, remove };
}
