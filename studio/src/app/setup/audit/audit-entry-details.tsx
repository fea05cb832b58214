import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { historyPath } from '../history/metadata-history';
import { changedFields, subjectOf, type AuditEntry } from './audit-entry';

/** What an entry changed: the fields with their values before and after, or the metadata version a change produced. */
export function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const subject = subjectOf(entry);
  if (subject.type === 'definition') {
    return (
      <p className="audit-details">
        {entry.version !== undefined && t('setup.audit.metadataVersion', { version: entry.version })}{' '}
        {subject.kind !== 'field' && <Link to={historyPath(subject.kind, subject.name)}>{t('setup.audit.openHistory')}</Link>}
      </p>
    );
  }
  const fields = changedFields(entry);
  if (fields.length === 0) return <p className="audit-details">{t('setup.audit.noChanges')}</p>;
  return (
    <Table
      className="audit-details"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={fields}
      columns={[
        { key: 'field', title: t('setup.audit.field'), dataIndex: 'field', render: (name: string) => <code>{name}</code> },
        { key: 'old', title: t('setup.audit.oldValue'), dataIndex: 'old', render: (value: string) => <span className="audit-value">{value}</span> },
        { key: 'new', title: t('setup.audit.newValue'), dataIndex: 'new', render: (value: string) => <span className="audit-value">{value}</span> },
      ]}
    />
  );
}
