import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Drawer, Grid, Radio, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language';
import { installPack, itemKey, PACKS_KEY, planPack, type ItemAction, type MergeConflict, type PackPlan, type PlannedItem, type Resolutions } from './packs-api';

/** Tags in the setup tones (setup.css): antd's preset colours fall short of the contrast axe asks for. */
const ACTION_TONES: Record<ItemAction, string> = { create: 'good', update: 'info', unchanged: 'plain', conflict: 'bad', 'kept-deleted': 'plain', dropped: 'warn' };

interface PackPlanDrawerProps {
  /** The pack of the packs folder to plan; undefined: closed. */
  readonly pack: string | undefined;
  readonly title: string;
  /** How many demo records the pack holds: with any, the admin may ask for them. */
  readonly demoRecords: number;
  readonly onClose: () => void;
}

/**
 * The plan of installing or upgrading a pack, item by item, with each conflict between the
 * tenant's changes and the pack's and a choice for it; the plan is asked again with the choices,
 * and Install stays disabled until none is left unsettled.
 */
export function PackPlanDrawer({ pack, title, demoRecords, onClose }: PackPlanDrawerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const wide = Grid.useBreakpoint().md !== false;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [resolutions, setResolutions] = useState<Resolutions>({});
  const [demoData, setDemoData] = useState(false);
  // The conflicts come from the plan without choices (a settled conflict is no longer one); the
  // items and counts from the plan with them, asked again at each choice.
  const base = useQuery({ queryKey: [...PACKS_KEY, 'plan', pack, {}, demoData], queryFn: () => planPack(pack!, {}, demoData), enabled: pack !== undefined, placeholderData: (previous) => previous });
  const chosen = Object.keys(resolutions).length > 0;
  const resolved = useQuery({
    queryKey: [...PACKS_KEY, 'plan', pack, resolutions, demoData],
    queryFn: () => planPack(pack!, resolutions, demoData),
    enabled: pack !== undefined && chosen,
    placeholderData: (previous) => previous,
  });
  const plan = chosen ? resolved : base;
  const install = useMutation({
    mutationFn: () => installPack(pack!, resolutions, demoData),
    onSuccess: async ({ plan: done }) => {
      void message.success(t('setup.packs.installSucceeded', { pack: title, version: done.to }));
      await queryClient.invalidateQueries();
      close();
    },
  });
  const close = () => {
    setResolutions({});
    setDemoData(false);
    install.reset();
    onClose();
  };
  const choose = (item: PlannedItem, path: string, side: 'ours' | 'theirs') => setResolutions((current) => ({ ...current, [itemKey(item)]: { ...current[itemKey(item)], [path]: side } }));
  const current = plan.data?.plan;
  const conflicts = (base.data?.plan.items ?? []).flatMap((item) => (item.conflicts ?? []).map((conflict) => ({ item, conflict })));
  const settled = conflicts.filter(({ item, conflict }) => resolutions[itemKey(item)]?.[conflict.path] !== undefined);
  const problems = current?.problems ?? [];
  const blocked = conflicts.length > settled.length || problems.length > 0;

  const columns: TableColumnsType<PlannedItem> = [
    { key: 'action', title: t('setup.packs.action'), width: 150, render: (_, item) => <Tag className={`setup-tone-${ACTION_TONES[item.action]}`}>{t(`setup.packs.actions.${item.action}`)}</Tag> },
    { key: 'name', title: t('setup.packs.name'), render: (_, item) => <span className="setup-api-name">{itemKey(item)}</span> },
  ];

  return (
    <Drawer
      open={pack !== undefined}
      onClose={close}
      size={wide ? 720 : '100%'}
      title={current ? t('setup.packs.planTitle', { pack: title, from: current.from ?? t('setup.packs.notYet'), to: current.to }) : title}
      destroyOnHidden
      footer={
        <div className="setup-packs-footer">
          {current && blocked && <span className="setup-packs-blocked">{t(problems.length > 0 ? 'setup.packs.installBroken' : 'setup.packs.installBlocked')}</span>}
          <Button onClick={close}>{t('setup.packs.cancel')}</Button>
          <Button type="primary" disabled={!current || plan.isFetching || blocked} loading={install.isPending} onClick={() => install.mutate()}>
            {current?.from ? t('setup.packs.upgrade') : t('setup.packs.install')}
          </Button>
        </div>
      }
    >
      {plan.error && <Alert type="error" showIcon role="alert" title={t('setup.packs.planFailed', { message: plan.error.message })} />}
      {install.error && <Alert type="error" showIcon role="alert" title={t('setup.packs.installFailed', { message: install.error.message })} />}
      {current && (
        <>
          <p>{[t('setup.packs.changes', { count: current.changes }), t('setup.packs.conflictsLeft', { count: conflicts.length - settled.length })].filter(Boolean).join(language === 'en' ? ' ' : '')}</p>
          {demoRecords > 0 && <DemoDataChoice demoRecords={demoRecords} checked={demoData} onChange={setDemoData} counts={current.demoData} />}
          {problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              role="alert"
              className="setup-packs-problems-alert"
              title={t('setup.packs.problemsTitle', { count: problems.length })}
              description={
                <ul className="setup-packs-problems">
                  {problems.map((problem) => (
                    <li key={problem.path}>
                      <span className="setup-api-name">{problem.path}</span> {problem.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {conflicts.length > 0 && <Alert type="warning" showIcon title={t('setup.packs.conflictHelp')} className="setup-packs-conflict-help" />}
          {conflicts.map(({ item, conflict }) => (
            <ConflictChoice key={`${itemKey(item)}${conflict.path}`} item={item} conflict={conflict} chosen={resolutions[itemKey(item)]?.[conflict.path]} onChoose={(side) => choose(item, conflict.path, side)} />
          ))}
          <Table<PlannedItem> rowKey={itemKey} size="small" columns={columns} dataSource={[...current.items]} pagination={false} loading={plan.isFetching} />
        </>
      )}
    </Drawer>
  );
}

/** Whether the install creates the pack's demo records too, and once asked, how many per object. */
function DemoDataChoice({ demoRecords, checked, onChange, counts }: { demoRecords: number; checked: boolean; onChange: (checked: boolean) => void; counts: PackPlan['demoData'] }) {
  const { t } = useTranslation();
  const entries = Object.entries(counts ?? {});
  return (
    <div className="setup-packs-demo">
      <Checkbox checked={checked} onChange={(event) => onChange(event.target.checked)}>
        {t('setup.packs.demoData', { count: demoRecords })}
      </Checkbox>
      {checked && counts && (
        <p className="setup-packs-demo-counts">
          {entries.length === 0
            ? t('setup.packs.demoDataThere')
            : t('setup.packs.demoDataPlan', { list: entries.map(([object, count]) => t('setup.packs.demoDataObject', { object, count })).join(t('setup.packs.listSeparator')) })}
        </p>
      )}
    </div>
  );
}

function ConflictChoice({ item, conflict, chosen, onChoose }: { item: PlannedItem; conflict: MergeConflict; chosen: 'ours' | 'theirs' | undefined; onChoose: (side: 'ours' | 'theirs') => void }) {
  const { t } = useTranslation();
  const where = `${itemKey(item)} ${conflict.path || t('setup.packs.wholeDefinition')}`;
  const shown = (value: unknown) => (value === undefined ? t('setup.packs.absent') : typeof value === 'string' ? value : JSON.stringify(value));
  return (
    <fieldset className="setup-packs-conflict">
      <legend className="setup-api-name">{where}</legend>
      <dl>
        <dt>{t('setup.packs.base')}</dt>
        <dd>{shown(conflict.base)}</dd>
        <dt>{t('setup.packs.ours')}</dt>
        <dd>{shown(conflict.ours)}</dd>
        <dt>{t('setup.packs.theirs')}</dt>
        <dd>{shown(conflict.theirs)}</dd>
      </dl>
      <Radio.Group
        value={chosen}
        onChange={(event) => onChoose(event.target.value as 'ours' | 'theirs')}
        aria-label={where}
        options={[
          { value: 'ours', label: t('setup.packs.keepOurs') },
          { value: 'theirs', label: t('setup.packs.takeTheirs') },
        ]}
      />
    </fieldset>
  );
}
