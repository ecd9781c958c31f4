import { Logger } from '@nestjs/common';
import type { ImportPhase } from './imports.dto.js';
import type { JobProgress } from './import-jobs.repository.js';

/** How often a running job's counters are written to its row (besides every phase change). */
const PERSIST_EVERY_MS = 2000;

/**
 * The live counters of the running job. The API merges them into the job's view, so progress
 * shows even when it cannot be written (a commit on the embedded PGlite: one connection, held
 * by the commit's transaction). `save` is undefined then.
 */
export class LiveProgress {
  private static readonly logger = new Logger('Imports');
  readonly current: JobProgress = {
    phase: 'queued',
    rowsRead: 0,
    rowsValid: 0,
    rowsWritten: 0,
    issueCount: 0,
  };
  private lastSaved = 0;

  constructor(
    readonly jobId: string,
    private readonly save: ((p: JobProgress) => Promise<void>) | undefined,
  ) {}

  async phase(phase: ImportPhase): Promise<void> {
    this.current.phase = phase;
    await this.persist();
  }

  /**
   * Called per row; writes at most every PERSIST_EVERY_MS. A promise only when it writes, so a
   * row that does not need one costs no await.
   */
  tick(): Promise<void> | undefined {
    if (this.save && Date.now() - this.lastSaved >= PERSIST_EVERY_MS) return this.persist();
    return undefined;
  }

  private async persist(): Promise<void> {
    if (!this.save) return;
    this.lastSaved = Date.now();
    try {
      await this.save({ ...this.current });
    } catch (error) {
      // Progress is informative: the run itself decides the job's outcome.
      LiveProgress.logger.warn(
        `progress of import ${this.jobId} not saved: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
