import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { bi, type ImportKind } from '@sscard/rules';
import type { FastifyRequest } from 'fastify';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { StateConflict, ValidationFailed } from '../../common/errors/api-errors.js';
import { UUID_PATTERN } from '../../common/validation/uuid-text.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ImportJobsRepository } from './import-jobs.repository.js';
import { ImportRunner } from './import-runner.js';
import { cleanFileName, type StoredUpload, storedPath, storeUpload } from './import-upload.js';
import { commitWhenValidField, IMPORT_ROLES, importKind, UNIT_TARGETED } from './imports.dto.js';

interface Target {
  kind: ImportKind;
  districtId: string | null;
  unitId: string | null;
  commitWhenValid: boolean;
}

/** A time as Beijing reads it: 2011-01-05 14:30. */
function beijingTime(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(at));
}

/**
 * POST /api/imports: the multipart upload (fields `kind`, `unitId`, `commitWhenValid`, then `file`) is streamed to
 * IMPORT_DIR/<jobId>.<ext> while hashed, then becomes a job whose dry run starts in the
 * background. The same content already committed for the kind and target is refused (409); the
 * same content on its way (validating, valid, committing, failed or interrupted) returns that
 * job instead of a second one. A refused ('invalid') job does not: its verdict depended on the
 * file's name and on the database then, so the same bytes are validated again.
 */
@Injectable()
export class ImportUploadService {
  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly runner: ImportRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(actor: Actor, req: FastifyRequest): Promise<{ created: boolean; jobId: string }> {
    if (!req.isMultipart()) {
      throw new ValidationFailed({
        file: bi(
          '请以 multipart/form-data 上传文件（字段 kind、unitId、file）',
          'Upload as multipart/form-data (fields kind, unitId, file)',
        ),
      });
    }
    const jobId = randomUUID();
    const fields: Record<string, string> = {};
    let target: Target | undefined;
    let stored: StoredUpload | undefined;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (typeof part.value === 'string') fields[part.fieldname] = part.value;
          continue;
        }
        if (part.fieldname !== 'file' || stored) {
          part.file.resume();
          continue;
        }
        // Before a byte is stored: a caller who may not import this gets no file on our disk.
        target = await this.resolveTarget(actor, fields).catch((error: unknown) => {
          part.file.resume(); // let the parser reach the end of the request
          throw error;
        });
        const fileName = cleanFileName(part.filename);
        stored = await storeUpload(
          part.file,
          storedPath(this.config.IMPORT_DIR, jobId, fileName),
          fileName,
          this.config.IMPORT_MAX_FILE_MB,
        );
      }
      if (!stored || !target) {
        throw new ValidationFailed({
          file: bi('请选择要上传的文件（字段 file）', 'Choose a file to upload (field file)'),
        });
      }
      if (stored.bytes === 0) {
        throw new ValidationFailed({ file: bi('上传的文件是空的', 'The uploaded file is empty') });
      }
      return await this.register(actor, jobId, target, stored);
    } catch (error) {
      if (stored) await rm(stored.path, { force: true });
      throw error;
    }
  }

  private async register(
    actor: Actor,
    jobId: string,
    target: Target,
    stored: StoredUpload,
  ): Promise<{ created: boolean; jobId: string }> {
    const { kind, districtId, unitId } = target;
    const committed = await this.jobs.findCommittedContent(kind, districtId, unitId, stored.sha256);
    if (committed) {
      const when = beijingTime(committed.committedAt);
      throw new StateConflict(
        bi(
          `相同内容的文件已于${when}导入（导入任务 ${committed.id}），不能重复导入`,
          `A file with the same content was already imported on ${when} (job ${committed.id}); it is not imported twice`,
        ),
      );
    }
    const inserted = await this.jobs.insert({
      id: jobId,
      kind,
      districtId,
      unitId,
      fileName: stored.fileName,
      fileSha256: stored.sha256,
      fileBytes: stored.bytes,
      createdBy: actor.userId,
      commitWhenValid: target.commitWhenValid,
    });
    if (!inserted) {
      // The same content is already a job (not committed): that job is the answer.
      await rm(stored.path, { force: true });
      const existing = await this.jobs.findOpenContent(kind, districtId, unitId, stored.sha256);
      if (!existing) {
        throw new StateConflict(
          bi(
            '相同内容的文件正在导入，请稍后查看',
            'The same file is being imported; check back soon',
          ),
        );
      }
      return { created: false, jobId: existing };
    }
    this.runner.enqueue({ jobId, action: 'validate', actor });
    return { created: true, jobId };
  }

  /** The kind and the unit or district the file goes to, checked against the caller's role. */
  private async resolveTarget(actor: Actor, fields: Record<string, string>): Promise<Target> {
    const parsed = importKind.safeParse(fields.kind);
    if (!parsed.success) {
      const message =
        fields.kind === undefined
          ? bi(
              '请在文件之前提交导入类型（字段 kind）',
              'Send the import kind (field kind) before the file',
            )
          : (parsed.error.issues[0]?.message ?? '');
      throw new ValidationFailed({ kind: message });
    }
    const kind = parsed.data;
    if (!IMPORT_ROLES[kind].includes(actor.role)) throw new ForbiddenException();
    const commit = commitWhenValidField.safeParse(fields.commitWhenValid);
    if (!commit.success) {
      throw new ValidationFailed({ commitWhenValid: commit.error.issues[0]?.message ?? '' });
    }
    const commitWhenValid = commit.data;
    if (!UNIT_TARGETED.has(kind)) {
      // The vendor list is the district's; the admin's may name units of any district.
      return {
        kind,
        districtId: actor.role === 'system_admin' ? null : actor.districtId,
        unitId: null,
        commitWhenValid,
      };
    }
    const unitId = fields.unitId?.trim() || (actor.unitId ?? null);
    if (!unitId) {
      throw new ValidationFailed({
        unitId: bi(
          '请选择导入到哪个单位（字段 unitId）',
          'Name the unit to import into (field unitId)',
        ),
      });
    }
    const unit = UUID_PATTERN.test(unitId)
      ? await this.jobs.findUnit(scopeOf(actor), unitId.toLowerCase())
      : undefined;
    if (!unit) {
      throw new ValidationFailed({
        unitId: bi('参保单位不存在或不在您的管辖范围内', 'Unit not found in your scope'),
      });
    }
    return { kind, districtId: unit.districtId, unitId: unit.id, commitWhenValid };
  }
}
