/** One line of a unified diff between two texts. */
export interface DiffLine {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
  /** Its line number in the old text (absent for an added line). */
  readonly oldLine?: number;
  /** Its line number in the new text (absent for a removed line). */
  readonly newLine?: number;
}

/**
 * The lines that changed from `before` to `after`, by a longest common subsequence. Metadata
 * definitions are small JSON documents (hundreds of lines), so the quadratic table is cheap and
 * keeps the module free of a diff library.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i]!, oldLine: i + 1, newLine: j + 1 });
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || common[i]![j + 1]! >= common[i + 1]![j]!)) {
      lines.push({ kind: 'added', text: b[j]!, newLine: j + 1 });
      j += 1;
    } else {
      lines.push({ kind: 'removed', text: a[i]!, oldLine: i + 1 });
      i += 1;
    }
  }
  // Within a changed run, show the removed lines before the added ones, as diff tools do.
  return groupChanges(lines);
}

/** A definition as the text the diff compares: stable key order, so reordered keys are no change. */
export function definitionText(definition: unknown): string {
  return JSON.stringify(sortKeys(definition), null, 2) ?? '';
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

function groupChanges(lines: DiffLine[]): DiffLine[] {
  const result: DiffLine[] = [];
  let removed: DiffLine[] = [];
  let added: DiffLine[] = [];
  const flush = (): void => {
    result.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const line of lines) {
    if (line.kind === 'removed') removed.push(line);
    else if (line.kind === 'added') added.push(line);
    else {
      flush();
      result.push(line);
    }
  }
  flush();
  return result;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
