import { rm } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { bi, parseImportRow } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DatabaseContext } from '../../database/database-context.js';
import { ChunkPipeline } from './chunk-pipeline.js';
import { headerText, maskIdsIn } from './import-cells.js';
import {
  CHUNK_ROWS,
  ImportAborted,
  ImportFailure,
  type ImportTarget,
  type ParsedLine,
  rowProblem,
} from './import-handler.js';
import { type AnyImportRow, ImportHandlers } from './import-handlers.js';
import { type ImportJobRow, ImportJobsRepository } from './import-jobs.repository.js';
import type { LiveProgress } from './import-progress.js';
import { fileSha256, openSheet, sheetLimits } from './import-sheet.js';
import { storedPath } from './import-upload.js';

const FILE_CHANGED = bi(
  '服务器上保存的文件与校验时不一致，请重新上传',
  'The stored file is not the one that was validated: upload it again',
);

/**
 * The commit: all or nothing, in one transaction. The stored file is read again and every chunk
 * re-checked (cheap, and the database may have changed since the dry run), then written with
 * set-based statements. The job becomes 'committed' in the same transaction as its data.
 */
@Injectable()
export class ImportCommitter {
  constructor(
    private readonly db: DatabaseContext,
    private readonly jobs: ImportJobsRepository,
    private readonly handlers: ImportHandlers,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(
    job: ImportJobRow,
    actor: Actor,
    progress: LiveProgress,
    signal: AbortSignal,
  ): Promise<void> {
    const handler = this.handlers.of(job.kind);
    const path = storedPath(this.config.IMPORT_DIR, job.id, job.fileName);
    const sha = await fileSha256(path).catch(() => undefined);
    if (sha !== job.fileSha256 || !job.format) throw new ImportFailure(FILE_CHANGED);
    const format = job.format;
    const limits = sheetLimits(this.config);
    const target: ImportTarget = {
      jobId: job.id,
      kind: job.kind,
      districtId: job.districtId,
      unitId: job.unitId,
    };
    const p = progress.current;
    const totals: Record<string, number> = {};
    await progress.phase('writing');
    await this.db.transaction(async () => {
      const sheet = await openSheet(path, format, job.kind, limits);
      if (!sheet.ok) throw new ImportFailure(FILE_CHANGED);
      const pipeline = new ChunkPipeline<ParsedLine<AnyImportRow>>(async (lines) => {
        const checked = await handler.check(target, lines);
        const [issue] = checked.issues;
        const line = issue ? lines[issue.line] : undefined;
        if (issue && line) {
          const index = issue.column === null ? -1 : sheet.columns.indexOf(issue.column);
          throw new ImportFailure(
            rowProblem(
              line.rowNo,
              index >= 0 ? headerText(sheet.header, index) : '',
              issue.message,
            ),
          );
        }
        const counts = await checked.write(actor);
        for (const [k, v] of Object.entries(counts)) totals[k] = (totals[k] ?? 0) + v;
        p.rowsWritten += lines.length;
        await progress.tick();
      });
      let chunk: ParsedLine<AnyImportRow>[] = [];
      try {
        for await (const { rowNo, cells } of sheet.rows) {
          if (signal.aborted) throw new ImportAborted();
          pipeline.check();
          p.rowsRead += 1;
          const parsed = parseImportRow(job.kind, sheet.columns, cells, sheet.headers);
          if (!parsed.ok) {
            const [i] = parsed.issues;
            throw new ImportFailure(
              rowProblem(rowNo, i?.column ?? '', maskIdsIn(i?.message ?? '')),
            );
          }
          p.rowsValid += 1;
          chunk.push({ rowNo, cells, value: parsed.value });
          if (chunk.length >= CHUNK_ROWS) {
            await pipeline.push(chunk);
            chunk = [];
          }
        }
        await pipeline.push(chunk);
        await pipeline.drain();
      } finally {
        // Nothing may still be running on the transaction's connection when it rolls back.
        await pipeline.settle();
      }
      if (signal.aborted) throw new ImportAborted();
      const result = { ...totals, rows: p.rowsWritten };
      await this.audit.append(actor, [
        {
          districtId: job.districtId,
          entity: 'import_job',
          entityId: job.id,
          action: 'import_commit',
          after: { kind: job.kind, unitId: job.unitId, fileName: job.fileName, result },
        },
      ]);
      if (!(await this.jobs.markCommitted(job.id, p.rowsWritten, result))) {
        throw new ImportFailure(
          bi('导入任务状态已变化，未做任何导入', 'The job changed meanwhile; nothing was imported'),
        );
      }
    });
    // The data is in the database now; the personal data in the upload is not kept longer.
    await rm(path, { force: true });
  }
}
