import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ACCOUNT_ROLES, canManageAccounts } from '@sscard/rules';
import type { z } from 'zod';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import type { Page } from '../../common/validation/paging.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody, ZodPipe } from '../../common/validation/zod-body.pipe.js';
import {
  type AccountCreated,
  type AccountView,
  createUserBody,
  type DisableResult,
  type PasswordResetResult,
  type ReassignResult,
  reassignAccountBody,
  renameAccountBody,
  resetPasswordBody,
  type UnitOptionView,
  unitOptionsQuery,
  userListQuery,
} from './users.dto.js';
import { UsersService } from './users.service.js';

/** The roles that manage someone (the rules' ACCOUNT_MANAGEMENT); the others get 403. */
const MANAGERS = ACCOUNT_ROLES.filter(canManageAccounts);

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles(...MANAGERS)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(userListQuery)) q: z.output<typeof userListQuery>,
  ): Promise<Page<AccountView>> {
    return this.users.list(actor, q);
  }

  @Get('unit-options')
  unitOptions(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(unitOptionsQuery)) q: z.output<typeof unitOptionsQuery>,
  ): Promise<UnitOptionView[]> {
    return this.users.unitOptions(actor, q);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<AccountView> {
    return this.users.get(actor, id);
  }

  @Post()
  @ApiZodBody(createUserBody)
  create(
    @CurrentActor() actor: Actor,
    @Body(zodBody(createUserBody)) body: z.output<typeof createUserBody>,
  ): Promise<AccountCreated> {
    return this.users.create(actor, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  disable(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<DisableResult> {
    return this.users.disable(actor, id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<AccountView> {
    return this.users.enable(actor, id);
  }

  @Put(':id/display-name')
  @ApiZodBody(renameAccountBody)
  rename(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(renameAccountBody)) body: z.output<typeof renameAccountBody>,
  ): Promise<AccountView> {
    return this.users.rename(actor, id, body.displayName);
  }

  @Put(':id/assignment')
  @ApiZodBody(reassignAccountBody)
  reassign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(reassignAccountBody)) body: z.output<typeof reassignAccountBody>,
  ): Promise<ReassignResult> {
    return this.users.reassign(actor, id, body);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiZodBody(resetPasswordBody)
  resetPassword(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(resetPasswordBody)) body: z.output<typeof resetPasswordBody>,
  ): Promise<PasswordResetResult> {
    return this.users.resetPassword(actor, id, body);
  }
}
