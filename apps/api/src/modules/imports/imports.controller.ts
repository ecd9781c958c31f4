import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { IMPORT_KINDS, IMPORT_SHEETS, type ImportKind } from '@sscard/rules';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { NotFound } from '../../common/errors/api-errors.js';
import type { Page } from '../../common/validation/paging.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { ZodPipe } from '../../common/validation/zod-body.pipe.js';
import { streamTemplate } from './import-template.js';
import { ImportUploadService } from './import-upload.service.js';
import {
  type ImportIssueView,
  type ImportJobView,
  type ImportListQuery,
  importListQuery,
  type IssuesQuery,
  issuesQuery,
} from './imports.dto.js';
import { ImportsService } from './imports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** attachment; with an ASCII fallback and the real (Chinese) name in RFC 5987 form. */
function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
@Roles('system_admin', 'district_staff', 'unit_staff', 'university_staff', 'college_staff')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly uploads: ImportUploadService,
  ) {}

  /**
   * Multipart: `kind`, `unitId` (the target unit; unit staff default to theirs), `commitWhenValid`
   * (the one-pass import), then `file`.
   */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: [...IMPORT_KINDS] },
        unitId: { type: 'string', format: 'uuid' },
        commitWhenValid: {
          type: 'string',
          enum: ['true', 'false', '1', '0'],
          description: 'Import in one pass, committed as soon as the whole file is clean',
        },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { created, jobId } = await this.uploads.upload(actor, req);
    const view = await this.imports.get(actor, jobId);
    // 202: a new job, validated in the background; 200: the job this content already has.
    await reply.status(created ? HttpStatus.ACCEPTED : HttpStatus.OK).send(view);
  }

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(importListQuery)) q: ImportListQuery,
  ): Promise<Page<ImportJobView>> {
    return this.imports.list(actor, q);
  }

  /** A blank template with the kind's headers and a note on each of what it accepts. */
  @Get('templates/:kind')
  template(@Param('kind') kind: string): StreamableFile {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      throw new NotFound({ zh: '模板', en: 'Template' });
    const k = kind as ImportKind;
    return new StreamableFile(streamTemplate(k), {
      type: XLSX,
      disposition: attachment(`${IMPORT_SHEETS[k].titleZh}-模板.xlsx`, `${k}-template.xlsx`),
    });
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ImportJobView> {
    return this.imports.get(actor, id);
  }

  @Get(':id/issues')
  issues(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query(new ZodPipe(issuesQuery)) q: IssuesQuery,
  ): Promise<Page<ImportIssueView>> {
    return this.imports.issues(actor, id, q);
  }

  @Get(':id/error-report.xlsx')
  async errorReport(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<StreamableFile> {
    const { stream, fileName } = await this.imports.errorReport(actor, id);
    return new StreamableFile(stream, {
      type: XLSX,
      disposition: attachment(fileName, 'error-report.xlsx'),
    });
  }

  @Post(':id/commit')
  @HttpCode(HttpStatus.ACCEPTED)
  commit(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ImportJobView> {
    return this.imports.commit(actor, id);
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  retry(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ImportJobView> {
    return this.imports.retry(actor, id);
  }
}
