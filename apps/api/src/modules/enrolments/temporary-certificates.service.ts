import { Injectable } from '@nestjs/common';
import { bi, compareDates } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFound, StateConflict, ValidationFailed } from '../../common/errors/api-errors.js';
import { DatabaseContext } from '../../database/database-context.js';
import { ResidentsService } from '../residents/residents.service.js';
import type { CloseCertificateBody, TemporaryCertificateView } from './enrolments.dto.js';
import {
  type CertificateRow,
  TemporaryCertificatesRepository,
} from './temporary-certificates.repository.js';

const CERTIFICATE = { zh: '新发与补（换）社会保障卡证明', en: 'Temporary card certificate' };

function view({ districtId: _, ...rest }: CertificateRow): TemporaryCertificateView {
  return rest;
}

/** N-1.5: the certificate serves as the medical voucher until the card is issued. */
@Injectable()
export class TemporaryCertificatesService {
  constructor(
    private readonly certificates: TemporaryCertificatesRepository,
    private readonly residentsService: ResidentsService,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
    private readonly clock: Clock,
  ) {}

  async forResident(actor: Actor, residentId: string): Promise<TemporaryCertificateView> {
    const row = await this.certificates.forResident(scopeOf(actor), residentId);
    if (!row) throw new NotFound(CERTIFICATE);
    return view(row);
  }

  async close(
    actor: Actor,
    id: string,
    body: CloseCertificateBody,
  ): Promise<TemporaryCertificateView> {
    const closedOn = body.closedOn ?? this.clock.today();
    this.residentsService.notAfterToday('closedOn', closedOn);
    return this.db.transaction(async () => {
      const row = await this.certificates.find(scopeOf(actor), id);
      if (!row) throw new NotFound(CERTIFICATE);
      if (row.closedOn !== null)
        throw new StateConflict(bi('该证明已终止', 'This certificate is already closed'), 'N-1.5');
      if (compareDates(closedOn, row.issuedOn) < 0) {
        throw new ValidationFailed({
          closedOn: bi(
            `终止日期不能早于开具日期（${row.issuedOn}）`,
            `Cannot close before it was issued (${row.issuedOn})`,
          ),
        });
      }
      if (!(await this.certificates.close(id, closedOn)))
        throw new StateConflict(bi('该证明已终止', 'This certificate is already closed'), 'N-1.5');
      await this.audit.append(actor, [
        {
          districtId: row.districtId,
          entity: 'temporary_certificate',
          entityId: id,
          action: 'close',
          before: { closedOn: null },
          after: { closedOn },
        },
      ]);
      return { ...view(row), closedOn };
    });
  }
}
