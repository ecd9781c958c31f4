import { Injectable } from '@nestjs/common';
import {
  ACCOUNT_ROLES,
  accountUnitKindIssue,
  bi,
  canManageAccount,
  checkAccountDisable,
  checkAccountReassign,
  checkPasswordReset,
  manageableRoles,
  passwordPolicyIssue,
} from '@sscard/rules';
import type { z } from 'zod';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import type { Actor } from '../../common/auth/actor.js';
import { NotFound, StateConflict, ValidationFailed } from '../../common/errors/api-errors.js';
import type { Page } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import { generatePassword } from './password-generator.js';
import type {
  AccountCreated,
  AccountView,
  createUserBody,
  DisableResult,
  PasswordResetResult,
  ReassignResult,
  reassignAccountBody,
  resetPasswordBody,
  UnitOptionsQuery,
  UnitOptionView,
  UserListQuery,
} from './users.dto.js';
import { type AccountRow, type Assignment, UsersRepository } from './users.repository.js';

const ACCOUNT = { zh: '账号', en: 'Account' };

export function toAccountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    districtId: row.districtId,
    unit:
      row.unitId && row.unitName && row.unitKind
        ? { id: row.unitId, name: row.unitName, kind: row.unitKind }
        : null,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    createdAt: new Date(row.createdAt).toISOString(),
    activeSessions: row.activeSessions,
  };
}

/** What the audit log keeps of an account: who and where, never a password or its hash. */
function audited(view: AccountView) {
  return {
    username: view.username,
    displayName: view.displayName,
    role: view.role,
    districtId: view.districtId,
    unitId: view.unit?.id ?? null,
    disabled: view.disabled,
  };
}

/**
 * Account management (who may manage whom: the rules' ACCOUNT_MANAGEMENT). Each change is one
 * transaction with its audit entry; an account outside the caller's reach is a 404.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
  ) {}

  async list(actor: Actor, q: UserListQuery): Promise<Page<AccountView>> {
    const { rows, total } = await this.users.list(actor, q);
    return { items: rows.map(toAccountView), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<AccountView> {
    return toAccountView(await this.managed(actor, id));
  }

  unitOptions(actor: Actor, q: UnitOptionsQuery): Promise<UnitOptionView[]> {
    return this.users.unitOptions(actor, q.role, q.search);
  }

  async create(actor: Actor, body: z.output<typeof createUserBody>): Promise<AccountCreated> {
    if (!manageableRoles(actor.role).includes(body.role)) {
      throw new ValidationFailed({
        role: bi('您不能创建该角色的账号', 'You cannot create accounts of this role'),
      });
    }
    const scope = await this.scopeOf(actor, body);
    const generated = body.password ? null : generatePassword();
    const password = body.password ?? generated ?? '';
    return this.db.transaction(async () => {
      const id = await this.users.insert({
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        ...scope,
        password,
      });
      if (!id) {
        throw new ValidationFailed({
          username: bi('该用户名已被使用', 'This username is already taken'),
        });
      }
      const account = await this.get(actor, id);
      await this.audit.append(actor, [
        {
          districtId: account.districtId,
          entity: 'app_user',
          entityId: id,
          action: 'create',
          after: { ...audited(account), passwordGenerated: generated !== null },
        },
      ]);
      return { account, password: generated };
    });
  }

  /** Disabling ends the account's sessions in the same transaction. */
  async disable(actor: Actor, id: string): Promise<DisableResult> {
    return this.db.transaction(async () => {
      const target = await this.managed(actor, id);
      const check = checkAccountDisable({
        self: target.id === actor.userId,
        role: target.role,
        disabled: target.disabled,
        otherEnabledAdmins: await this.otherEnabledAdmins(target),
      });
      if (!check.ok) throw new StateConflict(check.message);
      if (!(await this.users.setDisabled(id, true))) throw this.changedMeanwhile();
      const endedSessions = await this.users.endSessions(id);
      const account = await this.get(actor, id);
      await this.audit.append(actor, [
        {
          districtId: account.districtId,
          entity: 'app_user',
          entityId: id,
          action: 'disable',
          before: { disabled: false },
          after: { disabled: true, endedSessions },
        },
      ]);
      return { account, endedSessions };
    });
  }

  async enable(actor: Actor, id: string): Promise<AccountView> {
    return this.db.transaction(async () => {
      const target = await this.managed(actor, id);
      if (!target.disabled)
        throw new StateConflict(bi('该账号已启用', 'This account is already enabled'));
      if (!(await this.users.setDisabled(id, false))) throw this.changedMeanwhile();
      const account = await this.get(actor, id);
      await this.audit.append(actor, [
        {
          districtId: account.districtId,
          entity: 'app_user',
          entityId: id,
          action: 'enable',
          before: { disabled: true },
          after: { disabled: false },
        },
      ]);
      return account;
    });
  }

  /** The name shown for the account (and on what it records); sessions are unaffected. */
  async rename(actor: Actor, id: string, displayName: string): Promise<AccountView> {
    return this.db.transaction(async () => {
      const target = await this.managed(actor, id);
      if (target.displayName === displayName) return toAccountView(target);
      if (!(await this.users.setDisplayName(id, target.displayName, displayName)))
        throw this.changedMeanwhile();
      const account = await this.get(actor, id);
      await this.audit.append(actor, [
        {
          districtId: account.districtId,
          entity: 'app_user',
          entityId: id,
          action: 'rename',
          before: { displayName: target.displayName },
          after: { displayName },
        },
      ]);
      return account;
    });
  }

  /**
   * Another role, unit or district for an account, checked as for a new one: the caller must be
   * able to manage the account both where it is and where it goes. The account's sessions end
   * in the same transaction, since what it may do changed. Nothing to change: nothing written.
   */
  async reassign(
    actor: Actor,
    id: string,
    body: z.output<typeof reassignAccountBody>,
  ): Promise<ReassignResult> {
    if (!manageableRoles(actor.role).includes(body.role)) {
      throw new ValidationFailed({
        role: bi('您不能将账号调整为该角色', 'You cannot give accounts this role'),
      });
    }
    return this.db.transaction(async () => {
      const target = await this.managed(actor, id);
      const to: Assignment = { role: body.role, ...(await this.scopeOf(actor, body)) };
      const from: Assignment = {
        role: target.role,
        districtId: target.districtId,
        unitId: target.unitId,
      };
      const check = checkAccountReassign({
        self: target.id === actor.userId,
        from: from.role,
        to: to.role,
        disabled: target.disabled,
        otherEnabledAdmins: await this.otherEnabledAdmins(target),
      });
      if (!check.ok) throw new StateConflict(check.message);
      if (from.role === to.role && from.districtId === to.districtId && from.unitId === to.unitId)
        return { account: toAccountView(target), endedSessions: 0 };
      if (!(await this.users.setAssignment(id, from, to))) throw this.changedMeanwhile();
      const endedSessions = await this.users.endSessions(id);
      const account = await this.get(actor, id);
      await this.audit.append(actor, [
        {
          districtId: account.districtId,
          entity: 'app_user',
          entityId: id,
          action: 'reassign',
          before: from,
          after: { ...to, endedSessions },
        },
      ]);
      return { account, endedSessions };
    });
  }

  /** A new password (chosen, or generated and shown once); the account's sessions end. */
  async resetPassword(
    actor: Actor,
    id: string,
    body: z.output<typeof resetPasswordBody>,
  ): Promise<PasswordResetResult> {
    return this.db.transaction(async () => {
      const target = await this.managed(actor, id);
      const check = checkPasswordReset({ self: target.id === actor.userId });
      if (!check.ok) throw new StateConflict(check.message);
      const generated = body.password ? null : generatePassword();
      const password = body.password ?? generated ?? '';
      const issue = passwordPolicyIssue(password, target.username);
      if (issue) throw new ValidationFailed({ password: issue });
      // Whoever reset it knows it: its owner must change it before anything else.
      await this.users.setPassword(id, password, true);
      const endedSessions = await this.users.endSessions(id);
      const account = await this.get(actor, id);
      await this.audit.append(actor, [
        {
          districtId: account.districtId,
          entity: 'app_user',
          entityId: id,
          action: 'reset_password',
          after: { passwordGenerated: generated !== null, endedSessions },
        },
      ]);
      return { account, password: generated, endedSessions };
    });
  }

  /**
   * For an admin target: the other enabled admins, their rows locked in one order, so two admins
   * disabling or moving each other at once queue here and the second sees what the first left.
   */
  private async otherEnabledAdmins(target: AccountRow): Promise<number> {
    if (target.role !== 'system_admin') return 0;
    const admins = await this.users.lockEnabledAdmins();
    return admins.filter((a) => a !== target.id).length;
  }

  /** The account if the caller may manage it — by the SQL scope and by the rule itself. */
  private async managed(actor: Actor, id: string): Promise<AccountRow> {
    const row = await this.users.find(actor, id);
    if (!row || !canManageAccount(actor, row)) throw new NotFound(ACCOUNT);
    return row;
  }

  /** Where an account of the role belongs: its district, or its unit (and the unit's district). */
  private async scopeOf(
    actor: Actor,
    body: z.output<typeof reassignAccountBody>,
  ): Promise<{ districtId: string | null; unitId: string | null }> {
    if (body.role === 'system_admin') return { districtId: null, unitId: null };
    if (body.role === 'district_staff') {
      const districtId = body.districtId ?? '';
      if (!(await this.users.districtExists(districtId))) {
        throw new ValidationFailed({
          districtId: bi('该区县尚未开通', 'This district is not set up'),
        });
      }
      return { districtId, unitId: null };
    }
    const unit = body.unitId ? await this.users.unit(body.unitId) : undefined;
    const notFound = new ValidationFailed({ unitId: bi('所属单位不存在', 'Unit not found') });
    if (!unit) throw notFound;
    const target = {
      role: body.role,
      districtId: unit.districtId,
      unitId: unit.id,
      unitKind: unit.kind,
      unitParentId: unit.parentUnitId,
    };
    // A unit outside the caller's reach (for the role its kind fits) reads like a missing one;
    // within reach, a role that does not fit the unit is named as the problem.
    const fitting = ACCOUNT_ROLES.find((r) => accountUnitKindIssue(r, unit.kind) === undefined);
    if (!fitting || !canManageAccount(actor, { ...target, role: fitting })) throw notFound;
    const kindIssue = accountUnitKindIssue(body.role, unit.kind);
    if (kindIssue) throw new ValidationFailed({ unitId: kindIssue });
    if (!canManageAccount(actor, target)) throw notFound;
    return { districtId: unit.districtId, unitId: unit.id };
  }

  private changedMeanwhile(): StateConflict {
    return new StateConflict(
      bi('账号已被其他操作修改，请刷新后重试', 'The account changed meanwhile: reload and retry'),
    );
  }
}
