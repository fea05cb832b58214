import { PlusOutlined } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Switch, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { approvalProcessesQuery, approvalVersionsQuery, saveApprovalProcess, type ApprovalProcessDefinition } from './approval-process-query';

/**
 * /setup/approval-processes: each process with its object, its steps and whether it takes new
 * submissions, switched on and off here (the whole definition PUT back with `active` changed).
 */
export function ApprovalProcessListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const processes = useQuery(approvalProcessesQuery);
  const objects = useObjects();
  const [switching, setSwitching] = useState<string | undefined>();
  const list = [...(processes.data?.approvalProcesses ?? [])].sort((a, b) => localize(a.label, language, a.name).localeCompare(localize(b.label, language, b.name), language));
  // Records in approval per process: what deactivating or changing one would leave on an older version.
  const running = useQueries({
    queries: list.map((process) => approvalVersionsQuery(process.name)),
    combine: (results) => new Map(list.map((process, index) => [process.name, results[index]?.data?.running])),
  });
  const objectLabel = (object: string) => {
    const definition = objects.data?.objects.find((candidate) => candidate.name === object);
    return localize(definition?.label, language, object);
  };

  async function setActive(process: ApprovalProcessDefinition, active: boolean) {
    const name = localize(process.label, language, process.name);
    setSwitching(process.name);
    try {
      await saveApprovalProcess({ ...process, active }, process.name, processes.data?.etags?.[process.name]);
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      void message.success(t(active ? 'setup.approvals.activated' : 'setup.approvals.deactivated', { name }));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSwitching(undefined);
    }
  }

  const columns: TableColumnsType<ApprovalProcessDefinition> = [
    { key: 'label', title: t('setup.approvals.label'), render: (_, process) => <Link to={`/setup/approval-processes/${process.name}`}>{localize(process.label, language, process.name)}</Link> },
    { key: 'object', title: t('setup.approvals.object'), render: (_, process) => objectLabel(process.object) },
    { key: 'steps', title: t('setup.approvals.steps'), responsive: ['sm'], render: (_, process) => process.steps.length },
    { key: 'running', title: t('setup.approvals.running'), align: 'right', render: (_, process) => running.get(process.name) ?? '' },
    {
      key: 'active',
      title: t('setup.approvals.status'),
      render: (_, process) => {
        const active = process.active !== false;
        return (
          <span className="approvals-status">
            <Switch
              size="small"
              checked={active}
              loading={switching === process.name}
              aria-label={t('setup.approvals.activate', { name: localize(process.label, language, process.name) })}
              onChange={(checked) => void setActive(process, checked)}
            />
            <span>{active ? t('setup.approvals.active') : t('setup.approvals.inactive')}</span>
          </span>
        );
      },
    },
  ];

  return (
    <section aria-labelledby="setup-approvals-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-approvals-title">{t('setup.approvals.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.approvals.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/approval-processes/new')}>
          {t('setup.approvals.new')}
        </Button>
      </header>
      {processes.error && <Alert type="error" showIcon role="alert" title={t('setup.approvals.loadFailed', { message: processes.error.message })} />}
      <Table<ApprovalProcessDefinition>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={list}
        loading={processes.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.approvals.empty')}</span> }}
      />
    </section>
  );
}
