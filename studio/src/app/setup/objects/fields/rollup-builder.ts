/** The roll-up builder's choices as the form holds them (empty strings for "not chosen yet"). */
export interface RollupDraft {
  child: string;
  relationship: string;
  function: 'count' | 'sum' | 'min' | 'max';
  field: string;
  /** The records API's filter language, e.g. {"status": "won"}; undefined for every child. */
  filter?: Record<string, unknown>;
}

/** The roll-up properties exactly as the engine's RollupField accepts them: no empty keys, no field for count. */
export function rollupMetadata(draft: RollupDraft): { child: string; function: RollupDraft['function']; relationship?: string; field?: string; filter?: Record<string, unknown> } {
  return {
    child: draft.child,
    function: draft.function,
    ...(draft.relationship ? { relationship: draft.relationship } : {}),
    ...(draft.function !== 'count' && draft.field ? { field: draft.field } : {}),
    ...(draft.filter && Object.keys(draft.filter).length > 0 ? { filter: draft.filter } : {}),
  };
}

/** What still stops the roll-up from being saved, as message keys' last parts. */
export function rollupProblems(draft: RollupDraft): Array<'child' | 'field'> {
  const problems: Array<'child' | 'field'> = [];
  if (!draft.child) problems.push('child');
  if (draft.function !== 'count' && !draft.field) problems.push('field');
  return problems;
}
