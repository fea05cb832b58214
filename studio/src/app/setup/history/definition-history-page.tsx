import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-error';
import { useLanguage } from '../../../shared/i18n/use-language';
import { kindPathIn, useKindName, usePackKinds } from '../../../shared/metadata/pack-kinds';
import { useUserNames } from '../audit/use-user-names';
import { DiffView } from './diff-view';
import { definitionText, lineDiff } from './line-diff';
import { actionVerb, historyQuery, ITEM_VERSIONS, revertRequest, versionsOf, type DefinitionVersion } from './metadata-history';
import { ChangedSinceError, sendRevert } from './send-revert';
import './history.css';

/**
 * /setup/history/:kind/:name: one definition's versions, the diff between two of them, and revert,
 * which puts the old definition back through the same metadata API scripts use, so the server
 * checks it as any change (and refuses it, say, when records no longer fit).
 */
export function DefinitionHistoryPage() {
  const { kind = '', name = '' } = useParams();
  const { t } = useTranslation();
  const history = useQuery(historyQuery({ kind, name }, ITEM_VERSIONS));
  // Kept here: the versions below start afresh when a new version arrives, and a refusal that made it arrive must stay shown.
  const [refusal, setRefusal] = useState<Refusal>();
  const versions = versionsOf(history.data?.entries ?? []);
  const kindName = useKindName()(kind);
  return (
    <section aria-labelledby="setup-definition-history-title" className="history-section">
      <Link to="/setup/history" className="setup-back">
        <ArrowLeftOutlined aria-hidden /> {t('setup.history.back')}
      </Link>
      <header className="setup-page-header">
        <div>
          <h2 id="setup-definition-history-title">{t('setup.history.itemTitle', { kind: kindName, name })}</h2>
          <p className="setup-page-subtitle">{t('setup.history.itemSubtitle')}</p>
        </div>
      </header>
      {history.error && <Alert type="error" showIcon role="alert" title={t('setup.history.loadFailed', { message: history.error.message })} />}
      {history.data && versions.length === 0 && <Alert type="info" showIcon title={t('setup.history.notFound')} />}
      {versions.length > 0 && <Versions key={versions[0]!.version} kind={kind} name={name} versions={versions} refusal={refusal} setRefusal={setRefusal} />}
    </section>
  );
}

/** Why the server (or a change made meanwhile) refused a revert. */
interface Refusal {
  version: number;
  text: string;
}

interface VersionsProps {
  kind: string;
  name: string;
  versions: readonly DefinitionVersion[];
  refusal: Refusal | undefined;
  setRefusal: (refusal: Refusal | undefined) => void;
}

function Versions({ kind, name, versions, refusal, setRefusal }: VersionsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { name: userName } = useUserNames();
  // Where a revert sends the definition: the platform's kind's path, or the pack's kind's in this tenant.
  const base = kindPathIn(usePackKinds(), kind);
  const latest = versions[0]!;
  const [to, setTo] = useState(latest.version);
  const [from, setFrom] = useState(versions[1]?.version ?? latest.version);
  const [busy, setBusy] = useState<number>();
  const byVersion = new Map(versions.map((version) => [version.version, version]));
  const text = (version: number) => {
    const definition = byVersion.get(version)?.definition;
    return definition === null || definition === undefined ? '' : definitionText(definition);
  };
  const lines = lineDiff(text(from), text(to));
  const when = (at: string) => new Date(at).toLocaleString(language);
  const options = versions.map((version) => ({ value: version.version, label: t('setup.history.versionOption', { version: version.version, at: when(version.at) }) }));

  const revert = async (target: DefinitionVersion) => {
    const request = revertRequest(kind, target, latest, base);
    if (!request) return;
    setBusy(target.version);
    setRefusal(undefined);
    try {
      const saved = await sendRevert(kind, name, latest, request);
      void message.success(t('setup.history.reverted', { version: target.version, now: saved.version }));
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      await queryClient.invalidateQueries({ queryKey: ['setup', 'meta-history'] });
    } catch (error) {
      if (error instanceof ChangedSinceError) {
        setRefusal({ version: target.version, text: t('setup.history.changedSince') });
        await queryClient.invalidateQueries({ queryKey: ['setup', 'meta-history'] });
        return;
      }
      const details = isApiError(error) ? error.details.map((detail) => `${detail.path} ${detail.message}`) : [];
      setRefusal({ version: target.version, text: [t('setup.history.revertFailed', { message: error instanceof Error ? error.message : String(error) }), ...details].join('\n') });
    } finally {
      setBusy(undefined);
    }
  };

  const columns: TableColumnsType<DefinitionVersion> = [
    {
      key: 'version',
      title: t('setup.history.version'),
      render: (_, version) => (
        <>
          {version.version} {version === latest && <Tag color="blue">{t('setup.history.current')}</Tag>}
          {version.definition === null && <Tag>{t('setup.history.deleted')}</Tag>}
        </>
      ),
    },
    { key: 'at', title: t('setup.history.at'), responsive: ['md'], render: (_, version) => <time dateTime={version.at}>{when(version.at)}</time> },
    { key: 'change', title: t('setup.history.change'), render: (_, version) => t(`setup.history.actions.${actionVerb(version.action)}`, { defaultValue: version.action }) },
    { key: 'by', title: t('setup.history.by'), responsive: ['sm'], render: (_, version) => userName(version.by) },
    {
      key: 'revert',
      title: <span className="sr-only">{t('setup.history.revert')}</span>,
      render: (_, version) =>
        version !== latest && revertRequest(kind, version, latest, base) ? (
          <Popconfirm
            title={t('setup.history.revertTitle', { name, version: version.version })}
            description={t('setup.history.revertHint')}
            okText={t('setup.history.revertOk')}
            cancelText={t('setup.history.cancel')}
            onConfirm={() => revert(version)}
          >
            <Button size="small" loading={busy === version.version} aria-label={`${t('setup.history.revert')} ${version.version}`}>
              {t('setup.history.revert')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <>
      <h3>{t('setup.history.compare')}</h3>
      <div className="history-compare">
        <label>
          <span>{t('setup.history.compareFrom')}</span>
          <Select aria-label={t('setup.history.compareFrom')} value={from} onChange={setFrom} options={options} />
        </label>
        <label>
          <span>{t('setup.history.compareTo')}</span>
          <Select aria-label={t('setup.history.compareTo')} value={to} onChange={setTo} options={options} />
        </label>
      </div>
      {lines.every((line) => line.kind === 'same') ? (
        <Alert type="info" showIcon title={t('setup.history.noDifference')} />
      ) : (
        <DiffView lines={lines} label={t('setup.history.diffTitle', { from, to })} />
      )}
      <h3>{t('setup.history.versions')}</h3>
      {refusal && <Alert type="error" showIcon role="alert" className="setup-form-alert" title={refusal.text} />}
      <Table<DefinitionVersion> rowKey="version" size="middle" columns={columns} dataSource={[...versions]} pagination={versions.length > 50 ? { pageSize: 50 } : false} />
    </>
  );
}
