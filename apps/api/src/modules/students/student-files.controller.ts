import { extname } from 'node:path';
import { Controller, Get, Header, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type {} from '@fastify/multipart';
import { bi } from '@sscard/rules';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ValidationFailed } from '../../common/errors/api-errors.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { contentDisposition } from '../exports/xlsx-stream.js';
import { StudentFilesService } from './student-files.service.js';
import { STUDENT_ROLES } from './student-roles.js';
import type { AttachmentView } from './students.dto.js';

@ApiTags('students')
@ApiBearerAuth()
@Controller('students/:id/attachments')
@Roles(...STUDENT_ROLES)
export class StudentFilesController {
  constructor(private readonly files: StudentFilesService) {}

  /**
   * S-1.2 / S-1.3: multipart, one part named `file`. Attachment 1 or 2 is told by the file
   * name (【序号+姓名】个人参加城乡居民基本医疗保险信息登记表 / 【序号+姓名】证明材料.pdf).
   */
  @Post()
  @ApiConsumes('multipart/form-data')
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
  ): Promise<AttachmentView> {
    const part = await req.file({
      limits: { fileSize: this.files.maxBytes, files: 1 },
      throwFileSizeLimit: false,
    });
    if (!part) {
      throw new ValidationFailed({ file: bi('请选择要上传的文件', 'Choose a file to upload') });
    }
    return this.files.upload(actor, id, { filename: part.filename, file: part.file });
  }

  @Get(':attachmentId')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('attachmentId', UuidParam) attachmentId: string,
  ): Promise<StreamableFile> {
    const { row, stream } = await this.files.download(actor, id, attachmentId);
    return new StreamableFile(stream, {
      type: row.contentType,
      length: row.bytes,
      // The Chinese name as uploaded (【1张三】证明材料.pdf), with an ASCII fallback.
      disposition: contentDisposition({
        zh: row.originalName,
        ascii: `attachment-${row.id}${extname(row.originalName)}`,
      }),
    });
  }
}
