import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../api/api-client';
import { nameField } from '../metadata/object-definition';
import { recordTitle, type RecordLike } from '../metadata/record-value';
import { useObject } from '../metadata/use-objects';

export interface LookupSelectProps {
  readonly target: string;
  readonly value: string | undefined;
  readonly onChange: (id: string | undefined) => void;
  readonly id?: string;
  readonly ariaLabel?: string;
  readonly disabled?: boolean;
  readonly placeholder?: string;
  readonly onBlur?: () => void;
  readonly onFocus?: () => void;
}

/** A lookup: search-as-you-type over the target's records by their name, showing names, giving the id. */
export function LookupSelect(props: LookupSelectProps) {
  const { target, value } = props;
  const { object } = useObject(target);
  const [search, setSearch] = useState('');
  const name = object ? nameField(object) : undefined;

  const matches = useQuery({
    queryKey: ['lookup', target, search],
    enabled: Boolean(object),
    queryFn: () =>
      api<{ records: RecordLike[] }>(`/records/${encodeURIComponent(target)}`, {
        query: { limit: 20, ...(search && name ? { filter: JSON.stringify({ [name.name]: { contains: search } }) } : {}) },
      }),
  });
  const current = useQuery({
    queryKey: ['record', target, value],
    enabled: Boolean(object && value),
    queryFn: () => api<RecordLike>(`/records/${encodeURIComponent(target)}/${encodeURIComponent(value!)}`),
  });
  const records = [...(current.data ? [current.data] : []), ...(matches.data?.records ?? []).filter((record) => record._id !== value)];

  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      disabled={props.disabled}
      placeholder={props.placeholder}
      loading={matches.isFetching}
      aria-label={props.ariaLabel}
      onChange={(id: string | undefined) => props.onChange(id ?? undefined)}
      onBlur={props.onBlur}
      onFocus={props.onFocus}
      style={{ minWidth: 180 }}
      options={records.map((record) => ({ value: record._id, label: object ? recordTitle(object, record) : record._id }))}
    />
  );
}
