import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/auth/auth.decorators.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when the database answers, 503 when it does not; the pool reconnects by itself. */
  @Public()
  @Get()
  async check(@Res() res: Response): Promise<void> {
    const database = await this.health.database();
    res
      .status(database === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: database === 'up' ? 'ok' : 'degraded', database });
  }
}
