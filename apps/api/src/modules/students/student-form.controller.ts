import { Controller, Get, Param, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { StudentFormService } from './student-form.service.js';

@ApiTags('students')
@ApiBearerAuth()
@Controller('students/:id')
export class StudentFormController {
  constructor(private readonly forms: StudentFormService) {}

  /**
   * S-1.2: attachment 1, 【序号+姓名】个人参加城乡居民基本医疗保险信息登记表.xlsx, filled from the
   * stored data with the full ID number — for the student's college and university staff only.
   */
  @Get('registration-form.xlsx')
  @Roles('university_staff', 'college_staff')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  registrationForm(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<StreamableFile> {
    return this.forms.registrationForm(actor, id);
  }
}
