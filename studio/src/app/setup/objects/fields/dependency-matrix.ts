/**
 * A dependent picklist drawn as a matrix: one row per controlling value, one column per dependent value,
 * a tick where the dependent value may be chosen with the controlling one. The engine stores it as
 * `dependencies: { [controllingValue]: dependentValues[] }`; a controlling value not listed allows none.
 */
export type DependencyMatrix = Record<string, Record<string, boolean>>;

export function matrixFromDependencies(
  controlling: readonly string[],
  dependent: readonly string[],
  dependencies: Readonly<Record<string, readonly string[]>> | undefined,
): DependencyMatrix {
  const matrix: DependencyMatrix = {};
  for (const row of controlling) {
    const allowed = new Set(dependencies?.[row] ?? []);
    matrix[row] = Object.fromEntries(dependent.map((column) => [column, allowed.has(column)]));
  }
  return matrix;
}

/** Back to metadata, dependent values in display order; rows with no tick are left out (they allow none). */
export function dependenciesFromMatrix(matrix: DependencyMatrix, dependent: readonly string[]): Record<string, string[]> {
  const dependencies: Record<string, string[]> = {};
  for (const [row, ticks] of Object.entries(matrix)) {
    const allowed = dependent.filter((column) => ticks[column]);
    if (allowed.length > 0) dependencies[row] = allowed;
  }
  return dependencies;
}

export function toggleCell(matrix: DependencyMatrix, row: string, column: string): DependencyMatrix {
  return { ...matrix, [row]: { ...matrix[row], [column]: !matrix[row]?.[column] } };
}

/** A boolean controlling field's values, as the engine keys them. */
export const BOOLEAN_CONTROLLING_VALUES = ['true', 'false'] as const;
