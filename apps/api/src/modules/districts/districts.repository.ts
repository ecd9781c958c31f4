import { Injectable } from '@nestjs/common';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';

export interface DistrictView {
  id: string;
  nameZh: string;
  nameEn: string;
  centreName: string;
  centreAddress: string;
  servicePoints: { id: string; name: string; address: string; streetOffice: string }[];
}

@Injectable()
export class DistrictsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** The districts in scope, each with its centre and the service points (N-2.4d). */
  list(scope: Scope): Promise<DistrictView[]> {
    const params: unknown[] = [];
    const where = scope.districtId ? `WHERE d.id = $${params.push(scope.districtId)}` : '';
    return this.db.query<DistrictView>(
      `SELECT d.id, d.name_zh AS "nameZh", d.name_en AS "nameEn", d.centre_name AS "centreName",
              d.centre_address AS "centreAddress",
              coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name, 'address', s.address,
                          'streetOffice', s.street_office) ORDER BY s.name)
                        FROM service_point s WHERE s.district_id = d.id), '[]'::jsonb) AS "servicePoints"
       FROM district d ${where} ORDER BY d.id`,
      params,
    );
  }
}
