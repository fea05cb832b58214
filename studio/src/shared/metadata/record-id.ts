/** A record id as the server writes them (24 hexadecimal characters). */
const RECORD_ID = /^[0-9a-f]{24}$/;

/** Whether a value from an address, a history or a stored field can be asked for as a record id. */
export function isRecordId(value: string): boolean {
  return RECORD_ID.test(value);
}
