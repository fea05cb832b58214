/** The answer of POST /api/v1/meta/objects/:name/fields/:field/apply-default (engine/setup/operations/apply-default.ts). */
export interface AppliedDefault {
  readonly records: number;
  readonly filled: number;
  readonly backfill?: { readonly _id: string; readonly total: number; readonly percent: number };
}
