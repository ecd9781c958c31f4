import { rm } from 'node:fs/promises';
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

  /** Expires the jobs past retention and deletes their files; returns how many. */
  async sweep(): Promise<number> {
    const expired = await this.jobs.expireUncommitted(this.config.IMPORT_RETENTION_DAYS);
    for (const job of expired) {
      await rm(storedPath(this.config.IMPORT_DIR, job.id, job.fileName), { force: true });
    }
    return expired.length;
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
