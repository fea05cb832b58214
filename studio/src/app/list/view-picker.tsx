import { DeleteOutlined, EditOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, message, Popconfirm, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api/api-client';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { FieldDefinition, ObjectDefinition } from '../../shared/metadata/object-definition';
import { addressParams, changedAddressParams } from '../../shared/shell/address-params';
import { personalViewBody, renamedBody, useListViews, viewParams, type ListView, type PersonalViewBody } from './list-views';
import { ViewNameDialog } from './view-name-dialog';

type Dialog = { readonly kind: 'save' } | { readonly kind: 'rename'; readonly view: ListView };

/**
 * The views of the object: picking one puts its name, filter and sort in the address (the columns
 * follow from the name); "Save as my view" keeps the list as it stands (columns, the address's
 * filter and sort, the board's picklist when it shows a kanban) as a personal view; one's own
 * views can be renamed and deleted.
 */
export function ViewPicker({ object, columns, kanbanField }: { object: ObjectDefinition; columns: readonly FieldDefinition[]; kanbanField: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [notice, holder] = message.useMessage();
  const [dialog, setDialog] = useState<Dialog>();
  const views = useListViews(object.name).data?.views ?? [];
  const current = views.find((view) => view.name === params.get('view'));
  const label = (view: ListView) => fromServer(view.label, language);

  // An address naming a view but no filter or sort (a bookmark, a link): the view's own apply.
  useEffect(() => {
    if (current && !params.has('filter') && !params.has('sort') && (current.filter || current.sort)) setParams(viewParams(params, current), { replace: true });
  }, [current, params, setParams]);

  const save = useMutation({
    mutationFn: ({ body, view }: { body: PersonalViewBody; view?: ListView }) =>
      api<{ view: ListView }>(`/ui/views/${encodeURIComponent(object.name)}${view ? `/${encodeURIComponent(view.name)}` : ''}`, { method: view ? 'PUT' : 'POST', body }),
    onSuccess: async ({ view }, { view: before }) => {
      await queryClient.invalidateQueries({ queryKey: ['ui', 'views', object.name] });
      setDialog(undefined);
      void notice.success(t(before ? 'views.renamed' : 'views.saved', { name: label(view) }));
      if (before) return;
      // The list already shows what was saved: only its name joins the address.
      setParams(changedAddressParams({ view: view.name }), { replace: true });
    },
  });
  const remove = useMutation({
    mutationFn: (view: ListView) => api<void>(`/ui/views/${encodeURIComponent(object.name)}/${encodeURIComponent(view.name)}`, { method: 'DELETE' }),
    onSuccess: async (_nothing, view) => {
      setParams(viewParams(addressParams(), undefined), { replace: true });
      await queryClient.invalidateQueries({ queryKey: ['ui', 'views', object.name] });
      void notice.success(t('views.deleted', { name: label(view) }));
    },
    onError: (error) => void notice.error(fromServer(error.message, language)),
  });

  function open(next: Dialog) {
    save.reset();
    setDialog(next);
  }

  const shared = views.filter((view) => !view.personal);
  const mine = views.filter((view) => view.personal);
  const group = (title: string, list: readonly ListView[]) => (list.length > 0 ? [{ label: title, options: list.map((view) => ({ value: view.name, label: label(view) })) }] : []);

  return (
    <Space wrap className="view-picker">
      {holder}
      <Select
        aria-label={t('views.label')}
        className="view-picker-select"
        value={current?.name ?? ''}
        onChange={(name: string) => setParams(viewParams(addressParams(), views.find((view) => view.name === name)), { replace: true, flushSync: true })}
        options={[{ value: '', label: t('views.all') }, ...group(t('views.shared'), shared), ...group(t('views.mine'), mine)]}
        popupMatchSelectWidth={false}
      />
      <Button icon={<SaveOutlined />} onClick={() => open({ kind: 'save' })}>
        {t('views.saveAs')}
      </Button>
      {current?.personal && (
        <>
          <Button icon={<EditOutlined />} aria-label={t('views.rename', { name: label(current) })} onClick={() => open({ kind: 'rename', view: current })} />
          <Popconfirm
            title={t('views.deleteConfirm', { name: label(current) })}
            okText={t('views.delete')}
            cancelText={t('views.cancel')}
            okButtonProps={{ danger: true, loading: remove.isPending }}
            onConfirm={() => remove.mutateAsync(current).catch(() => undefined)}
          >
            <Button danger icon={<DeleteOutlined />} aria-label={t('views.deleteNamed', { name: label(current) })} />
          </Popconfirm>
        </>
      )}
      {dialog && (
        <ViewNameDialog
          title={dialog.kind === 'save' ? t('views.saveAs') : t('views.rename', { name: label(dialog.view) })}
          initial={dialog.kind === 'save' ? '' : label(dialog.view)}
          busy={save.isPending}
          error={save.error?.message}
          onCancel={() => setDialog(undefined)}
          onSubmit={(name) =>
            save.mutate(dialog.kind === 'save' ? { body: personalViewBody(name, columns, params, kanbanField) } : { body: renamedBody(dialog.view, name), view: dialog.view })
          }
        />
      )}
    </Space>
  );
}
