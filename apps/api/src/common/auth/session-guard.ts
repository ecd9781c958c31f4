import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SessionsService } from '../../modules/auth/sessions.service.js';
import type { Role } from './actor.js';
import { PasswordChangeRequired } from '../errors/api-errors.js';
import {
  BEFORE_PASSWORD_CHANGE_KEY,
  PUBLIC_KEY,
  type RequestWithActor,
  ROLES_KEY,
} from './auth.decorators.js';

/** Global guard: a bearer token resolves to an actor, then the route's roles are checked. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<RequestWithActor>();
    const raw = req.headers.authorization;
    const header = typeof raw === 'string' ? raw : '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const actor = token ? await this.sessions.resolve(token) : undefined;
    if (!actor) throw new UnauthorizedException();
    req.actor = actor;
    if (
      actor.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE_KEY, targets)
    ) {
      throw new PasswordChangeRequired();
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role)) throw new ForbiddenException();
    return true;
  }
}
