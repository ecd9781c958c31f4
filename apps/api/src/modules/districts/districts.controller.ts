import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import type { DistrictView } from './districts.repository.js';
import { DistrictsService } from './districts.service.js';

@ApiTags('districts')
@ApiBearerAuth()
@Controller('districts')
export class DistrictsController {
  constructor(private readonly districts: DistrictsService) {}

  @Get()
  list(@CurrentActor() actor: Actor): Promise<DistrictView[]> {
    return this.districts.list(actor);
  }
}
