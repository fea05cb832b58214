import { PlusOutlined } from '@ant-design/icons';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Grid, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { filterToModel } from '../../list/filter/filter-rows';
import type { ListViewDefinition } from './list-view-draft';
import { ListViewEditor } from './list-view-editor';

const listViewsQuery = queryOptions({ queryKey: ['meta', 'list-views'], queryFn: () => api<{ listViews: ListViewDefinition[]; etags?: Readonly<Record<string, string>> }>('/meta/list-views') });

/**
 * /setup/list-views?object=… (and /new, /:name, which open the editor over the list): the shared
 * views of one object, with their columns, conditions and who sees them.
 */
export function ListViewListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { name } = useParams();
  const [params] = useSearchParams();
  const wide = Grid.useBreakpoint().md !== false;
  const views = useQuery(listViewsQuery);
  const objects = useObjects();
  const all = views.data?.listViews ?? [];
  const opened = name === undefined || name === 'new' ? undefined : all.find((view) => view.name === name);
  const objectName = opened?.object ?? params.get('object') ?? undefined;
  const object = objects.data?.objects.find((candidate) => candidate.name === objectName);
  const here = (path = '') => `/setup/list-views${path}?object=${encodeURIComponent(objectName ?? '')}`;
  const close = () => void navigate(here());
  const list = all.filter((view) => view.object === objectName).sort((a, b) => localize(a.label, language, a.name).localeCompare(localize(b.label, language, b.name), language));
  const fieldLabel = (field: string) => localize(object?.fields.find((candidate) => candidate.name === field)?.label, language, field);
  const filterText = (view: ListViewDefinition) => {
    if (view.filter === undefined) return t('setup.listViews.everyRecord');
    const model = filterToModel(view.filter);
    return model ? t('setup.listViews.conditions', { count: model.rows.length }) : t('setup.listViews.customConditions');
  };

  const columns: TableColumnsType<ListViewDefinition> = [
    { key: 'label', title: t('setup.listViews.label'), render: (_, view) => <Link to={here(`/${view.name}`)}>{localize(view.label, language, view.name)}</Link> },
    { key: 'columns', title: t('setup.listViews.columns'), responsive: ['md'], render: (_, view) => view.columns.map(fieldLabel).join(language === 'en' ? ', ' : '、') },
    { key: 'filter', title: t('setup.listViews.filter'), render: (_, view) => filterText(view) },
    {
      key: 'audience',
      title: t('setup.listViews.audience'),
      responsive: ['sm'],
      render: (_, view) => (view.permissionSets?.length ? <Tag>{t('setup.listViews.setsCount', { count: view.permissionSets.length })}</Tag> : <Tag color="blue">{t('setup.listViews.everyone')}</Tag>),
    },
  ];

  return (
    <section aria-labelledby="setup-list-views-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-list-views-title">{t('setup.listViews.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.listViews.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} disabled={!object} onClick={() => void navigate(here('/new'))}>
          {t('setup.listViews.new')}
        </Button>
      </header>
      <div className="setup-toolbar">
        <label htmlFor="list-views-object" className="setup-toolbar-label">
          {t('setup.listViews.object')}
        </label>
        <Select
          id="list-views-object"
          className="list-views-object"
          value={objectName}
          placeholder={t('setup.listViews.pickObject')}
          loading={objects.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(objects.data?.objects ?? []).map((candidate) => ({ value: candidate.name, label: localize(candidate.pluralLabel ?? candidate.label, language, candidate.name) }))}
          onChange={(picked: string) => void navigate(`/setup/list-views?object=${encodeURIComponent(picked)}`)}
        />
      </div>
      {views.error && <Alert type="error" showIcon role="alert" title={t('setup.listViews.loadFailed', { message: views.error.message })} />}
      {object ? (
        <Table<ListViewDefinition>
          rowKey="name"
          size="middle"
          columns={columns}
          dataSource={list}
          loading={views.isPending}
          pagination={false}
          locale={{ emptyText: <span className="setup-empty">{t('setup.listViews.empty')}</span> }}
        />
      ) : (
        <p className="setup-empty">{t('setup.listViews.pickObjectFirst')}</p>
      )}
      <Drawer
        open={object !== undefined && name !== undefined && (name === 'new' || opened !== undefined)}
        onClose={close}
        size={wide ? 720 : '100%'}
        title={name === 'new' ? t('setup.listViews.newTitle') : opened ? localize(opened.label, language, opened.name) : ''}
        destroyOnHidden
      >
        {object && name === 'new' && <ListViewEditor key="new" object={object} onSaved={(saved) => void navigate(here(`/${saved}`), { replace: true })} onDeleted={close} onCancel={close} />}
        {object && opened && <ListViewEditor key={opened.name} object={object} view={opened} etag={views.data?.etags?.[opened.name]} onSaved={() => undefined} onDeleted={close} onCancel={close} />}
      </Drawer>
    </section>
  );
}
