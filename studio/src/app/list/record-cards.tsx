import { Card, Empty, Spin } from 'antd';
import { Link } from 'react-router';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { FieldDefinition, ObjectDefinition } from '../../shared/metadata/object-definition';
import { RecordValue, recordTitle, type RecordLike } from '../../shared/metadata/record-value';

/** The list on a phone: one card per record, its name as the link and the other columns below. */
export function RecordCards(props: { object: ObjectDefinition; objects: readonly ObjectDefinition[]; columns: readonly FieldDefinition[]; records: readonly RecordLike[]; loading: boolean; empty: string }) {
  const language = useLanguage();
  const { object, objects, columns, records } = props;
  if (records.length === 0) return props.loading ? <Spin className="page-spinner" /> : <Empty description={props.empty} />;
  return (
    <ul className="list-cards" aria-busy={props.loading}>
      {records.map((record) => (
        <li key={record._id}>
          <Card size="small">
            <Link to={`/o/${object.name}/${encodeURIComponent(record._id)}`} className="list-card-title">
              {recordTitle(object, record)}
            </Link>
            <dl style={{ margin: 0 }}>
              {columns.slice(1).map((field) => (
                <div key={field.name} className="list-card-row">
                  <dt>{localize(field.label, language, field.name)}</dt>
                  <dd>
                    <RecordValue field={field} record={record} objects={objects} />
                  </dd>
                </div>
              ))}
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}
