import type { ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  attachmentChangeAllowed,
  attachmentContentMessage,
  attachmentFileType,
  attachmentTypeMessage,
  bi,
  checkAttachmentName,
  hasMagicBytes,
  type RuleResult,
} from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import {
  NotFound,
  RuleRefused,
  StateConflict,
  ValidationFailed,
} from '../../common/errors/api-errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DatabaseContext } from '../../database/database-context.js';
import { FileTooBig, type StoredFile, StudentFileStore } from './student-file-store.js';
import { type AttachmentRow, StudentFilesRepository } from './student-files.repository.js';
import { attachmentView, storedEligibility } from './student-view.js';
import type { AttachmentView } from './students.dto.js';
import { type StudentRow, StudentsRepository } from './students.repository.js';
import { STUDENT } from './students.service.js';

export interface UploadedPart {
  filename: string;
  file: Readable & { truncated?: boolean };
}

const ATTACHMENT = { zh: '附件', en: 'Attachment' };

/** S-1.2 / S-1.3: the students' attachment files — checked, stored, and served in scope only. */
@Injectable()
export class StudentFilesService {
  readonly maxBytes: number;
  private readonly maxMb: number;

  constructor(
    private readonly students: StudentsRepository,
    private readonly files: StudentFilesRepository,
    private readonly store: StudentFileStore,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxMb = config.STUDENT_FILE_MAX_MB;
    this.maxBytes = config.STUDENT_FILE_MAX_MB * 1_048_576;
  }

  /**
   * Checks in order of cost: the student (scope; the rules on eligibility and status), the name
   * and type (rules), then the content while it streams to disk (size cap, magic bytes).
   * Anything refused leaves no file behind.
   */
  async upload(actor: Actor, studentId: string, part: UploadedPart): Promise<AttachmentView> {
    const refuse = (error: Error): never => {
      part.file.resume(); // discard the rest of the upload
      throw error;
    };
    const row = await this.students.find(scopeOf(actor), studentId);
    if (!row) return refuse(new NotFound(STUDENT));
    const allowed = changeAllowed(row);
    if (!allowed.ok) return refuse(new RuleRefused(allowed.clause, allowed.message));
    const named = checkAttachmentName(part.filename, { seq: row.seq, name: row.name });
    if (!named.ok) return refuse(new RuleRefused(named.clause, named.message));
    const type = attachmentFileType(named.attachment, part.filename.trim());
    if (!type) {
      return refuse(new ValidationFailed({ file: attachmentTypeMessage(named.attachment) }));
    }
    let stored: StoredFile;
    try {
      stored = await this.store.write(part.file, this.maxBytes);
    } catch (error) {
      if (!(error instanceof FileTooBig)) throw error;
      return refuse(
        new ValidationFailed({
          file: bi(`文件不能超过${this.maxMb} MB`, `The file must be at most ${this.maxMb} MB`),
        }),
      );
    }
    if (!hasMagicBytes(stored.head, type)) {
      await this.store.remove(stored.storedName);
      throw new ValidationFailed({ file: attachmentContentMessage(type) });
    }
    const kind = named.attachment === 1 ? 'registration_form' : 'evidence';
    let saved: { id: string; replaced: string | null };
    try {
      saved = await this.db.transaction(async () => {
        const locked = await this.students.find(scopeOf(actor), studentId, true);
        if (!locked) throw new NotFound(STUDENT);
        const still = changeAllowed(locked);
        if (!still.ok) throw new RuleRefused(still.clause, still.message);
        const result = await this.files.replace({
          districtId: locked.districtId,
          studentId,
          kind,
          originalName: part.filename.normalize('NFC').trim(),
          storedName: stored.storedName,
          contentType: type.contentType,
          bytes: stored.bytes,
          sha256: stored.sha256,
          uploadedBy: actor.userId,
        });
        await this.audit.append(actor, [
          {
            districtId: locked.districtId,
            entity: 'student_attachment',
            entityId: result.id,
            action: result.replaced ? 'replace' : 'upload',
            after: {
              studentId,
              kind,
              name: part.filename,
              bytes: stored.bytes,
              sha256: stored.sha256,
            },
          },
        ]);
        return result;
      });
    } catch (error) {
      await this.store.remove(stored.storedName);
      throw error;
    }
    // After the commit: the replaced file is no longer referenced by any row.
    if (saved.replaced) await this.store.remove(saved.replaced);
    const [view] = (await this.files.forStudent(studentId)).filter((a) => a.id === saved.id);
    if (!view) throw new StateConflict(bi('附件已被更换', 'The attachment was replaced meanwhile'));
    return attachmentView(view);
  }

  /** The file of an attachment the caller may see (another college's is a 404); reads are audited. */
  async download(
    actor: Actor,
    studentId: string,
    attachmentId: string,
  ): Promise<{ row: AttachmentRow; stream: ReadStream }> {
    const row = await this.files.find(scopeOf(actor), studentId, attachmentId);
    if (!row) throw new NotFound(ATTACHMENT);
    await this.audit.append(actor, [
      {
        districtId: row.districtId,
        entity: 'student_attachment',
        entityId: row.id,
        action: 'download',
      },
    ]);
    return { row, stream: this.store.open(row.storedName) };
  }
}

/** S-1.1 / S-1.5: the rules on whether the student's attachments may change now. */
function changeAllowed(row: StudentRow): RuleResult {
  return attachmentChangeAllowed(row.status, storedEligibility(row));
}
