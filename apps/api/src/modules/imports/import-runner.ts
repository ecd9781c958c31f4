import { mkdir } from 'node:fs/promises';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { bi } from '@sscard/rules';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { uniqueViolation } from '../cards/vendor-list.repository.js';
import { ImportCommitter } from './import-commit.js';
import { ImportDryRun } from './import-dry-run.js';
import { ImportOnePass } from './import-one-pass.js';
import { ImportAborted, ImportFailure } from './import-handler.js';
import { ImportJobsRepository, type JobProgress } from './import-jobs.repository.js';
import { LiveProgress } from './import-progress.js';
import { ImportStagingRepository } from './import-staging.repository.js';

/** Who asked: the commit's audit entries name them (and a one-pass job's, validated by them). */
export type ImportTask = { jobId: string; action: 'validate' | 'commit'; actor: Actor };

export const INTERRUPTED = bi(
  '服务重启，导入任务中断，未做任何导入；请点击“重试”重新校验',
  'The server restarted and the job was interrupted; nothing was imported. Retry to validate it again',
);
const STOPPED = bi(
  '服务停止，导入任务中断，未做任何导入；请点击“重试”重新校验',
  'The server stopped and the job was interrupted; nothing was imported. Retry to validate it again',
);
const INTERNAL = bi(
  '导入失败（服务器内部错误），未做任何导入；请稍后重试',
  'The import failed (internal error); nothing was imported. Retry later',
);

/** A constraint that stopped a commit because the database changed after the dry run. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  uq_resident_id_number: bi(
    '文件中的证件号码在校验后已被他人登记，未做任何导入；请重试以重新校验',
    'An ID number of the file was registered after validation; nothing was imported. Retry to validate again',
  ),
  uq_card_number: bi(
    '文件中的卡号在校验后已被导入，未做任何导入；请重试以重新校验',
    'A card number of the file was stored after validation; nothing was imported. Retry to validate again',
  ),
  uq_signature_card: bi(
    '文件中的社保卡在校验后已被签收，未做任何签收；请重试以重新校验',
    'A card of the file was signed for after validation; nothing was signed. Retry to validate again',
  ),
  uq_import_job_committed_content: bi(
    '相同内容的文件已经导入，未做任何导入',
    'A file with the same content was already imported; nothing was imported',
  ),
};

/**
 * Runs import jobs in the API process, one at a time. One at a time because the embedded
 * PGlite has a single connection: a commit's long transaction holds it, and a second job would
 * only queue behind it. The running job's counters live in memory (merged into the job's view)
 * and are written to its row at phase changes and every few seconds — during a commit only
 * from a second pooled connection, which PGlite does not have (there the row shows the phase
 * before the commit until it ends). A process that dies mid-run leaves its job 'validating' or
 * 'committing'; the next boot marks it 'interrupted' (the commit's transaction died with the
 * connection, so nothing of it is in the database) and the user retries it.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Imports');
  private readonly queue: ImportTask[] = [];
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private running: { jobId: string; progress: LiveProgress; abort: AbortController } | undefined;

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly staging: ImportStagingRepository,
    private readonly dryRun: ImportDryRun,
    private readonly committer: ImportCommitter,
    private readonly onePass: ImportOnePass,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await mkdir(this.config.IMPORT_DIR, { recursive: true });
    const interrupted = await this.jobs.markInterrupted(INTERRUPTED);
    if (interrupted.length > 0) {
      this.logger.warn(`${interrupted.length} import job(s) interrupted by a restart`);
    }
    // Interrupted jobs validate again before they may commit; what they staged is of no use.
    await this.staging.clearUnusable();
    // Started here, outside any request, so no request's transaction context leaks into a job.
    this.loop = this.work();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.running?.abort.abort();
    this.wake?.();
    await this.loop;
  }

  enqueue(task: ImportTask): void {
    this.queue.push(task);
    this.wake?.();
  }

  /** The live counters of the job if it is the one running now. */
  live(jobId: string): JobProgress | undefined {
    return this.running?.jobId === jobId ? { ...this.running.progress.current } : undefined;
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const task = this.queue.shift();
      if (task) {
        await this.execute(task);
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }

  private async execute(task: ImportTask): Promise<void> {
    const abort = new AbortController();
    try {
      const job = await this.jobs.find({}, task.jobId);
      const expected = task.action === 'validate' ? 'validating' : 'committing';
      if (!job || job.state !== expected) return;
      const inTransaction = task.action === 'commit' || job.commitWhenValid;
      const progress = new LiveProgress(job.id, this.saver(task.jobId, inTransaction));
      this.running = { jobId: job.id, progress, abort };
      if (task.action === 'commit')
        await this.committer.run(job, task.actor, progress, abort.signal);
      else if (job.commitWhenValid) await this.onePass.run(job, task.actor, progress, abort.signal);
      else await this.dryRun.run(job, progress, abort.signal);
    } catch (error) {
      await this.settle(task.jobId, error);
    } finally {
      this.running = undefined;
    }
  }

  /** A run inside a transaction saves its progress beside it, where a second connection exists. */
  private saver(
    jobId: string,
    inTransaction: boolean,
  ): ((p: JobProgress) => Promise<void>) | undefined {
    if (!inTransaction) return (p) => this.jobs.saveProgress(jobId, p);
    return this.jobs.hasSpareConnection ? (p) => this.jobs.saveProgress(jobId, p, true) : undefined;
  }

  private async settle(jobId: string, error: unknown): Promise<void> {
    try {
      if (error instanceof ImportAborted) await this.jobs.markInterrupted(STOPPED, jobId);
      else await this.jobs.markFailed(jobId, this.failureMessage(error));
    } catch (e) {
      // The database itself is gone: the job stays running in its row until the next boot.
      this.logger.error(`import ${jobId} could not be settled: ${String(e)}`);
    }
  }

  private failureMessage(error: unknown): string {
    if (error instanceof ImportFailure) return error.message;
    const constraint = uniqueViolation(error);
    const known = constraint ? CONSTRAINT_MESSAGES[constraint] : undefined;
    if (known) return known;
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return INTERNAL;
  }
}
