import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ImportJobsRepository } from './import-jobs.repository.js';
import { storedPath } from './import-upload.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A stored upload's name (storedPath): the job's id and a known extension. */
const STORED_FILE =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(xlsx|xlsm|xls|csv|txt|bin)$/;

/**
 * The retention sweep: an upload never committed holds personal data (a roster, a vendor list),
 * so after IMPORT_RETENTION_DAYS its stored file and staged rows are deleted and the job is
 * marked expired (its view shows fileExpiredAt; it can no longer be retried or committed, and the
 * same file may be uploaded again). A committed job's file is deleted by the commit itself.
 * Runs at boot and then daily; the timer is unref'd so it never keeps the process alive.
 */
@Injectable()
export class ImportRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Imports');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly jobs: ImportJobsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: a slow sweep must not hold up the start; a failed one is logged and retried
    // the next day.
    this.running = this.sweepLogged();
    this.timer = setInterval(() => {
      this.running = this.sweepLogged();
    }, DAY_MS);
    this.timer.unref();
  }

  /** A sweep still running finishes before the database connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Expires the jobs past retention and deletes their files; returns how many jobs. */
  async sweep(): Promise<number> {
    const expired = await this.jobs.expireUncommitted(this.config.IMPORT_RETENTION_DAYS);
    for (const job of expired) {
      await rm(storedPath(this.config.IMPORT_DIR, job.id, job.fileName), { force: true });
    }
    await this.sweepOrphans();
    return expired.length;
  }

  /**
   * Stored files no job owns any more, older than the retention period: an upload whose job row
   * was never written (a crash in between), or a committed or expired job's file whose deletion
   * failed. The age keeps an upload still being received out of reach.
   */
  async sweepOrphans(): Promise<number> {
    const dir = this.config.IMPORT_DIR;
    const names = await readdir(dir).catch(() => [] as string[]);
    const cutoff = Date.now() - this.config.IMPORT_RETENTION_DAYS * DAY_MS;
    const old = new Map<string, string>();
    for (const name of names) {
      const id = STORED_FILE.exec(name)?.[1];
      if (!id) continue;
      const info = await stat(join(dir, name)).catch(() => undefined);
      if (info?.isFile() && info.mtimeMs < cutoff) old.set(name, id);
    }
    const owned = await this.jobs.holdingFiles([...new Set(old.values())]);
    let removed = 0;
    for (const [name, id] of old) {
      if (owned.has(id)) continue;
      await rm(join(dir, name), { force: true });
      removed += 1;
    }
    if (removed > 0) this.logger.log(`${removed} stored upload(s) without a job deleted`);
    return removed;
  }

  private async sweepLogged(): Promise<void> {
    try {
      const n = await this.sweep();
      if (n > 0) this.logger.log(`${n} uncommitted import(s) past retention deleted`);
    } catch (error) {
      this.logger.error(`import retention sweep failed: ${String(error)}`);
    }
  }
}
