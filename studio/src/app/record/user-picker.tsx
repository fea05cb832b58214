import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api-client';
import type { RecordLike } from '../../shared/metadata/record-value';

/** Search-as-you-type over the active users by name, storing the user's id. */
export function UserPicker({ id, label, value, onChange }: { id: string; label: string; value: string | undefined; onChange: (id: string | undefined) => void }) {
  const [search, setSearch] = useState('');
  const users = useQuery({
    queryKey: ['lookup', 'user', 'active', search],
    queryFn: () =>
      api<{ records: RecordLike[] }>('/records/user', {
        query: { limit: 20, sort: 'full_name', filter: JSON.stringify({ active: { ne: false }, ...(search ? { full_name: { contains: search } } : {}) }) },
      }),
  });
  return (
    <Select
      id={id}
      aria-label={label}
      placeholder={label}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      loading={users.isFetching}
      onChange={(picked: string | undefined) => onChange(picked)}
      options={(users.data?.records ?? []).map((user) => ({ value: user._id, label: `${String(user.full_name ?? user._id)}${user.email ? ` · ${String(user.email)}` : ''}` }))}
      style={{ minWidth: 220, flex: '1 1 220px' }}
    />
  );
}
