import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type SignIn, signInSchema } from '@sscard/rules';
import type { Actor } from '../../common/auth/actor.js';
import {
  AllowedBeforePasswordChange,
  CurrentActor,
  Public,
} from '../../common/auth/auth.decorators.js';
import { zodBody } from '../../common/validation/zod-body.pipe.js';
import { AuthService, type LoginResult } from './auth.service.js';

/** The sign-in body; the admin's sign-in form validates with the same schema. */
export const loginSchema = signInSchema;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body(zodBody(loginSchema)) body: SignIn, @Ip() ip: string): Promise<LoginResult> {
    return this.auth.login(body.username, body.password, ip);
  }

  @AllowedBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  async logout(@Headers('authorization') authorization = ''): Promise<void> {
    await this.auth.logout(authorization.slice(7).trim());
  }

  @AllowedBeforePasswordChange()
  @Get('me')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
