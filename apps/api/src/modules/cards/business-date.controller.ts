import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../common/clock/clock.js';

/** The date every event date defaults to and is checked against. */
export interface BusinessDateView {
  /** 'YYYY-MM-DD': today in Beijing, or SSCARD_TODAY. */
  today: string;
}

/**
 * The business date on its own, for any signed-in user: the forms propose it and the pages
 * compare windows against it, without reading the whole dashboard.
 */
@ApiTags('cards')
@ApiBearerAuth()
@Controller('business-date')
export class BusinessDateController {
  constructor(private readonly clock: Clock) {}

  @Get()
  get(): BusinessDateView {
    return { today: this.clock.today() };
  }
}
