import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api/api-client';
import type { FormRelatedList } from '../../shared/forms/form-definition';
import { fromServer, localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { expandableLookups, listColumns, nameField, type ObjectDefinition } from '../../shared/metadata/object-definition';
import { RecordValue, recordTitle, type RecordLike } from '../../shared/metadata/record-value';
import { useObjectRights } from '../../shared/metadata/use-objects';

/** How many children a related list shows; the rest are one click away in the child's list. */
const SHOWN = 10;

interface RelatedListsProps {
  readonly parent: ObjectDefinition;
  readonly id: string;
  readonly lists: readonly FormRelatedList[];
  readonly objects: readonly ObjectDefinition[];
}

/** The child object's list filtered to the parent's children, in the list page's filter language. */
export function childListPath(child: string, field: string, parentId: string): string {
  return `/o/${child}?${new URLSearchParams({ filter: JSON.stringify({ [field]: { eq: parentId } }) }).toString()}`;
}

/** The layout's related lists under a record: one card per child object. */
export function RelatedLists({ parent, id, lists, objects }: RelatedListsProps) {
  const shown = lists.filter((list) => objects.some((object) => object.name === list.object));
  if (shown.length === 0) return null;
  return (
    <div className="record-panels">
      {shown.map((list) => (
        <RelatedList key={`${list.object}.${list.field}`} parent={parent} id={id} list={list} child={objects.find((object) => object.name === list.object)!} objects={objects} />
      ))}
    </div>
  );
}

function RelatedList({ parent, id, list, child, objects }: { parent: ObjectDefinition; id: string; list: FormRelatedList; child: ObjectDefinition; objects: readonly ObjectDefinition[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const mayCreate = useObjectRights()(child.name).create;
  // Columns the user may read (the server leaves the others out of the child's definition); the
  // name first, as the link to the child.
  const name = nameField(child);
  const readable = list.columns.map((column) => child.fields.find((field) => field.name === column)).filter((field) => field !== undefined);
  const columns = (readable.length > 0 ? readable : listColumns(child, 4)).filter((field) => field.name !== name?.name && field.name !== list.field).slice(0, 3);
  const expand = expandableLookups(columns, objects);
  const children = useQuery({
    queryKey: ['records', child.name, 'related', parent.name, id, list.field],
    queryFn: () =>
      api<{ records: RecordLike[]; total: number | null }>(`/records/${encodeURIComponent(parent.name)}/${encodeURIComponent(id)}/related/${encodeURIComponent(child.name)}`, {
        query: { field: list.field, limit: SHOWN, total: true, sort: '-_createdAt', expand: expand.length > 0 ? expand.join(',') : undefined },
      }),
  });
  const title = fromServer(list.label, language) || localize(child.pluralLabel ?? child.label, language, child.name);
  const singular = localize(child.label, language, child.name);
  const count = children.data?.total;

  return (
    <Card
      size="small"
      title={
        <h2 className="panel-title">
          {title}
          {typeof count === 'number' && <span className="panel-count">({count})</span>}
        </h2>
      }
      extra={
        mayCreate && (
          <Button size="small" icon={<PlusOutlined />} aria-label={t('related.newOf', { object: singular })} onClick={() => void navigate(`/o/${child.name}/new?${new URLSearchParams({ [list.field]: id }).toString()}`)}>
            {t('related.new')}
          </Button>
        )
      }
    >
      {children.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {children.error && <Alert type="error" showIcon title={t('errors.generic', { message: fromServer(children.error.message, language) })} />}
      {children.data && children.data.records.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('related.empty')} />}
      {children.data && children.data.records.length > 0 && (
        <ul className="related-rows">
          {children.data.records.map((record) => (
            <li key={record._id} className="related-row">
              <Link to={`/o/${child.name}/${encodeURIComponent(record._id)}`} className="related-name">
                {recordTitle(child, record)}
              </Link>
              <dl className="related-values">
                {columns.map((field) => (
                  <div key={field.name}>
                    <dt>{localize(field.label, language, field.name)}</dt>
                    <dd>
                      <RecordValue field={field} record={record} objects={objects} />
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {typeof count === 'number' && count > 0 && (
        <p className="panel-note related-footer">
          {count > SHOWN && <span>{t('related.more', { shown: SHOWN, count })}</span>}
          <Link to={childListPath(child.name, list.field, id)}>{t('related.viewAll', { object: title })}</Link>
        </p>
      )}
    </Card>
  );
}
