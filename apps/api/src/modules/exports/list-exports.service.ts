import { Injectable, type StreamableFile } from '@nestjs/common';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  communityInstitutionStatus,
  ENROLMENT_2011,
  getEnrolmentPolicy,
  HELP_LINES,
  needsCommunityInstitution,
  parentGuidance,
  PolicyNotFoundError,
} from '@sscard/rules';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { ValidationFailed } from '../../common/errors/api-errors.js';
import type { OverdueItem } from '../cards/cards.dto.js';
import { DashboardService, type OverduePage } from '../cards/dashboard.service.js';
import { DistrictsRepository } from '../districts/districts.repository.js';
import { MISSING_INSTITUTION, OVERDUE, POOL } from './export-texts.js';
import type { MissingInstitutionExportQuery, OverdueExportQuery } from './exports.dto.js';
import {
  type CardKey,
  ExportsRepository,
  type MissingInstitutionRow,
  type PoolCardRow,
  type ResidentKey,
} from './exports.repository.js';
import { type MissingLine, writeMissingInstitution } from './missing-institution.workbook.js';
import { type OverdueKind, type OverdueLine, writeOverdue } from './overdue.workbook.js';
import { writeReissuePool } from './reissue-pool.workbook.js';
import { keysetPages, xlsxDownload } from './xlsx-stream.js';

/** The existing overdue list's largest page; its lines are units, not cards. */
const OVERDUE_PAGE = 200;

function overdueLines(kind: OverdueKind, items: readonly OverdueItem[]): OverdueLine[] {
  return items.flatMap((item): OverdueLine[] => {
    const unit = { unitName: item.unit.name, registrationCode: item.unit.registrationCode };
    return kind === 'pickup'
      ? item.batches.map((b) => ({
          ...unit,
          batchNumber: b.number,
          deadline: b.deadline,
          cardCount: b.cardCount,
        }))
      : [{ ...unit, batchNumber: null, deadline: item.deadline, cardCount: item.cardCount }];
  });
}

/** District-wide lists: the reissue pool (N-2.4d), the overdue lists (N-3), N-1.6. */
@Injectable()
export class ListExportsService {
  constructor(
    private readonly repo: ExportsRepository,
    private readonly districts: DistrictsRepository,
    private readonly dashboard: DashboardService,
    private readonly clock: Clock,
  ) {}

  /** 二次发行库, scoped like GET /reissue-pool; the header tells parents how to apply. */
  async reissuePool(actor: Actor): Promise<StreamableFile> {
    const scope = scopeOf(actor);
    const today = this.clock.today();
    const districts = await this.districts.list(scope);
    const [own] = districts;
    const points = scope.districtId && own ? own.servicePoints : [];
    const guidance = parentGuidance({ state: 'in_reissue_pool', today });
    const line = HELP_LINES.cardService;
    const header = {
      scopeLabel: scope.districtId && own ? own.centreName : POOL.allDistricts,
      guidance: guidance.nextStep.zh,
      helpLine: [
        POOL.helpLine(line.zh, line.number),
        ...(points.length > 0
          ? [
              POOL.servicePoints(
                points.map((p) => POOL.servicePoint(p.name, p.address)).join(POOL.servicePointJoin),
              ),
            ]
          : []),
      ].join(POOL.helpJoin),
      today,
    };
    const pages = keysetPages<PoolCardRow, CardKey>(
      (after, size) => this.repo.poolCards(scope, after, size),
      (row) => ({ cardNumber: row.cardNumber, id: row.id }),
    );
    return xlsxDownload(POOL.fileName(today), async (output) => {
      await writeReissuePool(output, header, pages);
    });
  }

  /** N-3: every page of GET /api/overdue of this kind (the rules decide what is past due). */
  async overdue(actor: Actor, q: OverdueExportQuery): Promise<StreamableFile> {
    const query = (page: number) => ({
      kind: q.kind,
      page,
      pageSize: OVERDUE_PAGE,
      sort: q.kind === 'pickup' ? ('deadline' as const) : ('unitName' as const),
      order: 'asc' as const,
    });
    const first = await this.dashboard.overdue(actor, query(1));
    const dashboard = this.dashboard;
    async function* pages(): AsyncGenerator<OverdueLine[]> {
      let page: OverduePage = first;
      for (let n = 1; ; n += 1) {
        if (n > 1) page = await dashboard.overdue(actor, query(n));
        yield overdueLines(q.kind, page.items);
        if (n * OVERDUE_PAGE >= page.total || page.items.length === 0) return;
      }
    }
    const header = { kind: q.kind, today: first.today, deadline: first.deadline };
    return xlsxDownload(OVERDUE.fileName(q.kind, first.today), async (output) => {
      await writeOverdue(output, header, pages());
    });
  }

  /** N-1.6, scoped like GET /residents/missing-community-institution. */
  async missingCommunityInstitution(
    actor: Actor,
    q: MissingInstitutionExportQuery,
  ): Promise<StreamableFile> {
    const policyYear = q.policyYear ?? ENROLMENT_2011.policyYear;
    let deadline = q.deadline;
    if (deadline === undefined) {
      try {
        deadline = getEnrolmentPolicy(policyYear).communityInstitutionDeadline;
      } catch (error) {
        if (error instanceof PolicyNotFoundError)
          throw new ValidationFailed({ policyYear: error.message });
        throw error;
      }
    }
    const today = this.clock.today();
    const scope = scopeOf(actor);
    const categories = CATEGORIES.filter(needsCommunityInstitution);
    const repo = this.repo;
    async function* lines(): AsyncGenerator<MissingLine[]> {
      const pages = keysetPages<MissingInstitutionRow, ResidentKey>(
        (after, size) => repo.missingCommunityInstitution(scope, categories, after, size),
        (row) => ({ name: row.name, id: row.id }),
      );
      for await (const rows of pages) {
        yield rows.map((r) => {
          const status = communityInstitutionStatus(r.category, r.institutions, today, deadline);
          return {
            name: r.name,
            idNumber: r.idNumber,
            categoryLabel: CATEGORY_LABELS[r.category].zh,
            unitName: r.currentUnitName,
            institutionCodes: r.institutions.map((i) => i.code),
            deadline: status.deadline ?? null,
            overdue: status.overdue,
          };
        });
      }
    }
    const header = { policyYear, deadline: deadline ?? null, today };
    return xlsxDownload(MISSING_INSTITUTION.fileName(policyYear), async (output) => {
      await writeMissingInstitution(output, header, lines());
    });
  }
}
