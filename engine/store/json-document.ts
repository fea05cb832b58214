/**
 * Copying, freezing, comparing and serializing stored documents without recursion. A document may
 * hold a value nested thousands of levels deep, written before values were bounded: structuredClone,
 * JSON.stringify and recursive walks overflow the stack on it depending on how deep the caller's
 * own stack already is, which made a record that was stored fine fail on its next update. These
 * walk with an explicit stack, so the depth a document can have is the depth JSON.parse accepts
 * (unbounded). Documents are JSON values, plus Date objects, which are copied as dates.
 */

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object' && !(value instanceof Date);
}

function emptyLike(value: Container): Container {
  return Array.isArray(value) ? [] : {};
}

/** A deep copy, as structuredClone gives for JSON values and dates. */
export function cloneDocument<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (!isContainer(value)) return value;
  const root = emptyLike(value);
  const pending: [Container, Container][] = [[value, root]];
  while (pending.length > 0) {
    const [source, target] = pending.pop()!;
    for (const key of Object.keys(source)) {
      const inner = (source as Record<string, unknown>)[key];
      let copy: unknown = inner;
      if (inner instanceof Date) copy = new Date(inner.getTime());
      else if (isContainer(inner)) {
        copy = emptyLike(inner);
        pending.push([inner, copy as Container]);
      }
      (target as Record<string, unknown>)[key] = copy;
    }
  }
  return root as T;
}

/** Freezes a value and everything in it, so that no caller can change committed state by accident. */
export function freezeDocument<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object' || Object.isFrozen(next)) continue;
    Object.freeze(next);
    for (const inner of Object.values(next)) pending.push(inner);
  }
  return value;
}

/** The members a document keeps as JSON: an undefined member is absent, as JSON.stringify and the stores treat it. */
function definedKeys(value: Container): string[] {
  return Array.isArray(value) ? Object.keys(value) : Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
}

/**
 * Deep equality of two documents as JSON sees them: same members (an undefined member counts as
 * absent), same values (SameValue for primitives), arrays against arrays, key order aside.
 */
export function sameDocument(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [left, right] = pending.pop()!;
    if (Object.is(left, right)) continue;
    if (left instanceof Date || right instanceof Date) {
      if (!(left instanceof Date && right instanceof Date && left.getTime() === right.getTime())) return false;
      continue;
    }
    if (!isContainer(left) || !isContainer(right) || Array.isArray(left) !== Array.isArray(right)) return false;
    const keys = definedKeys(left);
    if (keys.length !== definedKeys(right).length) return false;
    for (const key of keys) {
      if (!Array.isArray(right) && (!Object.hasOwn(right, key) || (right as Record<string, unknown>)[key] === undefined)) return false;
      pending.push([(left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]]);
    }
  }
  return true;
}

/**
 * A JSON text that key order does not change: keys sorted at every level, undefined members left
 * out as JSON.stringify leaves them. Two values deemed equal as JSON get the same text (a
 * definition's ETag, a formula's distinct values), lists keep their order.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * JSON.stringify's text for a document. The native one is used whenever it can be; a document
 * too deep for it takes the explicit-stack writer, which follows JSON.stringify's rules for JSON
 * values (undefined members left out, undefined items and non-finite numbers as null, dates as ISO).
 */
export function stringifyDocument(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return stringifyDeep(value);
  }
}

interface Frame {
  readonly container: Container;
  readonly keys: readonly string[];
  index: number;
  wrote: boolean;
}

function scalarText(value: unknown): string | undefined {
  if (value instanceof Date) return JSON.stringify(value);
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  return JSON.stringify(value);
}

function stringifyDeep(value: unknown): string {
  if (!isContainer(value)) return scalarText(value) ?? 'null';
  const out: string[] = [];
  const open = (container: Container): Frame => {
    out.push(Array.isArray(container) ? '[' : '{');
    return { container, keys: Object.keys(container), index: 0, wrote: false };
  };
  const frames: Frame[] = [open(value)];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const isArray = Array.isArray(frame.container);
    if (frame.index >= frame.keys.length) {
      out.push(isArray ? ']' : '}');
      frames.pop();
      continue;
    }
    const key = frame.keys[frame.index++]!;
    const inner = (frame.container as Record<string, unknown>)[key];
    const text = isContainer(inner) ? '' : scalarText(inner);
    if (text === undefined && !isArray) continue;
    if (frame.wrote) out.push(',');
    frame.wrote = true;
    if (!isArray) out.push(`${JSON.stringify(key)}:`);
    if (isContainer(inner)) frames.push(open(inner));
    else out.push(text ?? 'null');
  }
  return out.join('');
}

/**
 * Whether arrays and objects nest more than `max` levels in `value` (a scalar is 0 levels, `[]`
 * one). Stops at the first branch that goes past `max`, so a value a million levels deep costs
 * `max` steps down that branch.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop()!;
    if (!isContainer(next)) continue;
    if (depth + 1 > max) return true;
    for (const inner of Object.values(next)) if (isContainer(inner)) pending.push([inner, depth + 1]);
  }
  return false;
}
