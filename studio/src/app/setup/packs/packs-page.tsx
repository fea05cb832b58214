import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { usePackKinds } from '../../../shared/metadata/pack-kinds';
import { formatWhen } from '../jobs/job-state';
import { PackPlanDrawer } from './pack-plan-drawer';
import { PACKS_KEY, packsQuery, uninstallPack, type AvailablePack, type InstalledPack } from './packs-api';
import './packs.css';

/**
 * /setup/packs: the packs installed in the tenant (with their uninstall) and those of the packs
 * folder, each with the plan of its install or upgrade (pack-plan-drawer.tsx).
 */
export function PacksPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const packs = useQuery(packsQuery);
  const [planning, setPlanning] = useState<AvailablePack | undefined>();
  const installed = new Map((packs.data?.installed ?? []).map((pack) => [pack.name, pack]));
  const packKinds = usePackKinds();

  const status = (pack: AvailablePack) => {
    if (pack.problems) return <Tag className="setup-tone-bad">{t('setup.packs.broken', { count: pack.problems.length })}</Tag>;
    const have = installed.get(pack.name);
    if (!have) return <Tag className="setup-tone-plain">{t('setup.packs.notInstalled')}</Tag>;
    return have.version === pack.version ? <Tag className="setup-tone-good">{t('setup.packs.upToDate')}</Tag> : <Tag className="setup-tone-info">{t('setup.packs.upgradable', { version: have.version })}</Tag>;
  };
  const label = (pack: { name: string; label?: Parameters<typeof localize>[0] }) => localize(pack.label, language, pack.name);

  const availableColumns: TableColumnsType<AvailablePack> = [
    {
      key: 'pack',
      title: t('setup.packs.pack'),
      render: (_, pack) => (
        <div className="setup-packs-name">
          <strong>{label(pack)}</strong>
          <span className="setup-api-name">{pack.name}</span>
          {pack.description && <span className="setup-packs-description">{localize(pack.description, language)}</span>}
          {pack.problems?.slice(0, 3).map((problem) => (
            <span key={problem.path} className="setup-packs-problem">
              {problem.path}: {problem.message}
            </span>
          ))}
        </div>
      ),
    },
    { key: 'version', title: t('setup.packs.version'), width: 110, responsive: ['sm'], render: (_, pack) => pack.version },
    { key: 'status', title: t('setup.packs.status'), render: (_, pack) => status(pack) },
    {
      key: 'plan',
      title: <span className="sr-only">{t('setup.packs.review')}</span>,
      render: (_, pack) => {
        if (pack.problems) return null;
        const have = installed.get(pack.name);
        const action = !have ? t('setup.packs.planInstall') : have.version === pack.version ? t('setup.packs.review') : t('setup.packs.planUpgrade');
        return (
          <Button size="small" onClick={() => setPlanning(pack)} aria-label={`${action}: ${label(pack)}`}>
            {action}
          </Button>
        );
      },
    },
  ];

  const installedColumns: TableColumnsType<InstalledPack> = [
    {
      key: 'pack',
      title: t('setup.packs.pack'),
      render: (_, pack) => (
        <div className="setup-packs-name">
          <strong>{label(pack)}</strong>
          <span className="setup-api-name">{pack.name}</span>
        </div>
      ),
    },
    { key: 'version', title: t('setup.packs.version'), width: 110, render: (_, pack) => pack.version },
    { key: 'at', title: t('setup.packs.installedAt'), responsive: ['md'], render: (_, pack) => formatWhen(pack.installedAt, language) },
    { key: 'items', title: t('setup.packs.definitions'), responsive: ['sm'], width: 120, render: (_, pack) => pack.items },
    {
      key: 'kinds',
      title: t('setup.packs.kinds'),
      responsive: ['md'],
      render: (_, pack) => (
        <span className="setup-packs-kinds">
          {packKinds
            .filter((kind) => kind.pack === pack.name)
            .map((kind) => (
              <Tag key={kind.kind} className="setup-tone-info" title={kind.path}>
                {localize(kind.label, language, kind.kind)}
              </Tag>
            ))}
        </span>
      ),
    },
    { key: 'uninstall', title: <span className="sr-only">{t('setup.packs.uninstall')}</span>, render: (_, pack) => <UninstallButton pack={pack} label={label(pack)} /> },
  ];

  return (
    <section aria-labelledby="setup-packs-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-packs-title">{t('setup.packs.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.packs.subtitle')}</p>
        </div>
      </header>
      {packs.error && <Alert type="error" showIcon role="alert" title={t('setup.packs.loadFailed', { message: packs.error.message })} />}
      <h3 className="setup-packs-heading">{t('setup.packs.installed')}</h3>
      <Table<InstalledPack>
        rowKey="name"
        size="middle"
        columns={installedColumns}
        dataSource={packs.data?.installed ?? []}
        loading={packs.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.packs.noneInstalled')}</span> }}
      />
      <h3 className="setup-packs-heading">{t('setup.packs.available')}</h3>
      <Table<AvailablePack>
        rowKey="name"
        size="middle"
        columns={availableColumns}
        dataSource={packs.data?.available ?? []}
        loading={packs.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.packs.noneAvailable')}</span> }}
      />
      <PackPlanDrawer pack={planning?.name} title={planning ? label(planning) : ''} demoRecords={planning?.demoRecords ?? 0} onClose={() => setPlanning(undefined)} />
    </section>
  );
}

/** Uninstall after a confirmation that says what goes, with the choice to delete the records of its objects too. */
function UninstallButton({ pack, label }: { pack: InstalledPack; label: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [force, setForce] = useState(false);
  const uninstall = useMutation({
    mutationFn: () => uninstallPack(pack.name, force),
    onSuccess: async ({ removed }) => {
      void message.success(t('setup.packs.uninstalled', { pack: label, count: removed.length }));
      await queryClient.invalidateQueries({ queryKey: PACKS_KEY });
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
    },
  });
  return (
    <div className="setup-packs-uninstall">
      <Popconfirm
        title={t('setup.packs.uninstallConfirm')}
        description={
          <Checkbox checked={force} onChange={(event) => setForce(event.target.checked)}>
            {t('setup.packs.uninstallForce')}
          </Checkbox>
        }
        okText={t('setup.packs.uninstall')}
        okButtonProps={{ danger: true, autoFocus: true }}
        cancelText={t('setup.packs.cancel')}
        destroyOnHidden
        onConfirm={() => uninstall.mutateAsync().catch(() => undefined)}
      >
        <Button size="small" danger loading={uninstall.isPending} aria-label={`${t('setup.packs.uninstall')}: ${label}`}>
          {t('setup.packs.uninstall')}
        </Button>
      </Popconfirm>
      {uninstall.error && (
        <p className="setup-packs-error" role="alert">
          {t('setup.packs.uninstallFailed', { message: uninstall.error.message })}
        </p>
      )}
    </div>
  );
}
