import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { bi } from '@sscard/rules';
import { z } from 'zod';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/auth.decorators.js';
import { zodBody } from '../../common/validation/zod-body.pipe.js';
import { AuthService, type LoginResult } from './auth.service.js';

export const loginSchema = z.object({
  username: z
    .string({ error: bi('用户名必须是文本', 'Username must be text') })
    .trim()
    .min(1, bi('请输入用户名', 'Enter the username'))
    .max(100),
  password: z
    .string({ error: bi('密码必须是文本', 'Password must be text') })
    .min(1, bi('请输入密码', 'Enter the password'))
    .max(200),
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(
    @Body(zodBody(loginSchema)) body: z.output<typeof loginSchema>,
    @Ip() ip: string,
  ): Promise<LoginResult> {
    return this.auth.login(body.username, body.password, ip);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Headers('authorization') authorization = ''): Promise<void> {
    await this.auth.logout(authorization.slice(7).trim());
  }

  @Get('me')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
