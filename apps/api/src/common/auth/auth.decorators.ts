import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from './actor.js';

export const PUBLIC_KEY = 'sscard:public';
export const ROLES_KEY = 'sscard:roles';
export const BEFORE_PASSWORD_CHANGE_KEY = 'sscard:before-password-change';

/** No session needed (health, login, the parent lookup). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Open to a session whose password must be changed first (who am I, change it, sign out);
 * every other route refuses it with 403 password_change_required.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);

/** Only these roles may call the route; everyone else gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** What the guard reads and writes on a request, whatever the HTTP adapter. */
export interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<RequestWithActor>();
  if (!req.actor) throw new Error('CurrentActor used on a public route');
  return req.actor;
});
