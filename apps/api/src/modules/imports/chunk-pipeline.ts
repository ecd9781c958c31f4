/**
 * Runs the database work of one chunk while the caller reads and parses the next: parsing is
 * CPU in this process, the lookups and inserts wait on the database, so overlapping them saves
 * most of one of the two. At most one chunk is in flight; chunks run in order.
 */
export class ChunkPipeline<T> {
  private tail: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(private readonly work: (chunk: T[]) => Promise<void>) {}

  /** Throws the failure of a chunk already run, so the reader stops early. */
  check(): void {
    if (this.failure) throw this.failure.error;
  }

  /** Waits for the chunk in flight, then starts this one. */
  async push(chunk: T[]): Promise<void> {
    await this.tail;
    this.check();
    if (chunk.length === 0) return;
    this.tail = this.work(chunk).catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  /** Every chunk done; throws the first failure. */
  async drain(): Promise<void> {
    await this.tail;
    this.check();
  }

  /** Waits for the chunk in flight whatever its outcome (before a transaction rolls back). */
  async settle(): Promise<void> {
    await this.tail;
  }
}
