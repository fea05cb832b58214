/** Ends every switch over a closed union, so that a new member is a compile error where it matters. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
