import { Body, Controller, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type ChangePassword, changePasswordSchema } from '@sscard/rules';
import type { Actor } from '../../common/auth/actor.js';
import { AllowedBeforePasswordChange, CurrentActor } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import { zodBody } from '../../common/validation/zod-body.pipe.js';
import { OwnPasswordService } from './own-password.service.js';

/** POST /api/auth/password: every signed-in role, for their own account. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class OwnPasswordController {
  constructor(private readonly ownPassword: OwnPasswordService) {}

  @AllowedBeforePasswordChange()
  @Post('password')
  @HttpCode(204)
  @ApiZodBody(changePasswordSchema)
  async change(
    @CurrentActor() actor: Actor,
    @Headers('authorization') authorization: string | undefined,
    @Ip() ip: string,
    @Body(zodBody(changePasswordSchema)) body: ChangePassword,
  ): Promise<void> {
    // The guard has resolved this bearer token; the session it names is the one kept.
    await this.ownPassword.change(actor, (authorization ?? '').slice(7).trim(), ip, body);
  }
}
