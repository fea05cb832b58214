/** Puts computed values on a record being built: a null result leaves the field absent, as stored records have it. */
export function setComputed(record: Record<string, unknown>, computed: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(computed)) {
    if (value === null) delete record[name];
    else record[name] = value;
  }
}
