import { Injectable } from '@nestjs/common';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { DistrictsRepository, type DistrictView } from './districts.repository.js';

@Injectable()
export class DistrictsService {
  constructor(private readonly districts: DistrictsRepository) {}

  list(actor: Actor): Promise<DistrictView[]> {
    return this.districts.list(scopeOf(actor));
  }
}
