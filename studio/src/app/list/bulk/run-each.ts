/** One record an action failed on, with the server's message. */
export interface Failure {
  readonly id: string;
  readonly message: string;
}

export interface EachResult {
  readonly succeeded: readonly string[];
  readonly failed: readonly Failure[];
}

/**
 * Runs the action on every id, a few at a time (the server checks each record on its own: access,
 * validation rules), and reports which succeeded and which failed with their messages, in the
 * order of the ids.
 */
export async function runEach(
  ids: readonly string[],
  action: (id: string) => Promise<unknown>,
  describe: (error: unknown) => string = (error) => (error instanceof Error ? error.message : String(error)),
  parallel = 4,
): Promise<EachResult> {
  const outcomes = new Array<Failure | null>(ids.length);
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const at = next++;
      const id = ids[at]!;
      try {
        await action(id);
        outcomes[at] = null;
      } catch (error) {
        outcomes[at] = { id, message: describe(error) };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, ids.length) }, worker));
  return {
    succeeded: ids.filter((_id, at) => outcomes[at] === null),
    failed: outcomes.filter((outcome): outcome is Failure => outcome !== null),
  };
}
