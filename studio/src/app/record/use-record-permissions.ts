import { useQuery } from '@tanstack/react-query';
import { useLanguage } from '../../shared/i18n/use-language';
import { permissionsQuery } from './record-queries';

/** Whether the user may do one thing to the record, and if not, the server's reason. */
export interface Permission {
  readonly allowed: boolean;
  readonly reason?: string;
}

export interface RecordPermissions {
  readonly edit: Permission;
  readonly delete: Permission;
  readonly transfer: Permission;
  readonly share: Permission;
  /** Take the record out of the queue that owns it. */
  readonly take?: Permission;
}

/**
 * What the server would allow on this record (GET …/permissions): the page hides or disables the
 * rest and says why. Under the record's query key, so a save or transfer refreshes it too.
 */
export function useRecordPermissions(object: string, id: string) {
  return useQuery(permissionsQuery(object, id, useLanguage()));
}
