/**
 * A dependent picklist drawn as a matrix: one column per value of the controlling field, one row
 * per value of the dependent field, a tick where the row's value may be chosen with the column's.
 * The metadata keeps it as `dependencies: { [controllingValue]: dependentValues[] }`, and a
 * controlling value not listed allows none; so an empty column is left out of what is saved.
 */
export type Dependencies = Readonly<Record<string, readonly string[]>>;

/** A boolean controlling field's values, as the engine keys them. */
export const BOOLEAN_CONTROLLING_VALUES = ['true', 'false'] as const;

export function isAllowed(dependencies: Dependencies | undefined, controlling: string, dependent: string): boolean {
  return dependencies?.[controlling]?.includes(dependent) ?? false;
}

/** How much of a column is ticked: its bulk toggle shows all, some (indeterminate) or none. */
export function columnState(dependencies: Dependencies | undefined, controlling: string, dependentValues: readonly string[]): 'all' | 'some' | 'none' {
  const ticked = dependentValues.filter((value) => isAllowed(dependencies, controlling, value)).length;
  if (ticked === 0) return 'none';
  return ticked === dependentValues.length ? 'all' : 'some';
}

/**
 * The dependencies with one cell set, kept as metadata writes them: each column's values in the
 * dependent field's display order, only the controlling values still offered, no empty column.
 */
export function setCell(dependencies: Dependencies | undefined, controlling: string, dependent: string, allowed: boolean, controllingValues: readonly string[], dependentValues: readonly string[]): Dependencies {
  return setColumn(dependencies, controlling, allowed ? [dependent] : [], controllingValues, dependentValues, allowed ? [] : [dependent]);
}

/** A column's bulk toggle: every dependent value allowed with `controlling`, or none. */
export function setWholeColumn(dependencies: Dependencies | undefined, controlling: string, allowed: boolean, controllingValues: readonly string[], dependentValues: readonly string[]): Dependencies {
  return setColumn(dependencies, controlling, allowed ? dependentValues : [], controllingValues, dependentValues, allowed ? [] : dependentValues);
}

function setColumn(dependencies: Dependencies | undefined, controlling: string, added: readonly string[], controllingValues: readonly string[], dependentValues: readonly string[], removed: readonly string[]): Dependencies {
  const column = new Set([...(dependencies?.[controlling] ?? []), ...added]);
  for (const value of removed) column.delete(value);
  return tidyDependencies({ ...dependencies, [controlling]: [...column] }, controllingValues, dependentValues);
}

/**
 * Only what both fields still offer, in display order, without empty columns: a value renamed or
 * removed in the values editor must not be saved in the map (the server would refuse it).
 */
export function tidyDependencies(dependencies: Dependencies | undefined, controllingValues: readonly string[], dependentValues: readonly string[]): Dependencies {
  const tidy: Record<string, string[]> = {};
  for (const controlling of controllingValues) {
    const allowed = dependentValues.filter((value) => isAllowed(dependencies, controlling, value));
    if (allowed.length > 0) tidy[controlling] = allowed;
  }
  return tidy;
}
