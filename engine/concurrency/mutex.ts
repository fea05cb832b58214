/** A first-come, first-served async lock: units of work of one store run one after another. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<R>(work: () => Promise<R>): Promise<R> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}
