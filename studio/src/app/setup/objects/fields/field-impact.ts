/** The answer of POST /api/v1/meta/objects/:name/fields/:field/impact for a proposed type change. */
export interface FieldImpact {
  records: number;
  convertible: number;
  failing: number;
  sample: Array<{ _id: string; name?: string; value: unknown; message: string }>;
}

/** What the type-change dialog shows: the impact, or that it could not be checked (the endpoint is missing: 404). */
export type ImpactView = { kind: 'checked'; impact: FieldImpact; safe: boolean } | { kind: 'unchecked'; status: number };

export function impactView(status: number, body: unknown): ImpactView {
  if (status < 200 || status >= 300 || !body || typeof body !== 'object') return { kind: 'unchecked', status };
  const impact = body as FieldImpact;
  return { kind: 'checked', impact, safe: impact.failing === 0 };
}
