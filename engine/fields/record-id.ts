/** Record ids are 24 lower-case hex characters (see store/new-id.ts). */
export const RECORD_ID_PATTERN = '^[0-9a-f]{24}$';
