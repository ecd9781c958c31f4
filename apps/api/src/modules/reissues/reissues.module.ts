import { Module } from '@nestjs/common';
import { ReissuesController, ServicePointsController } from './reissues.controller.js';
import { ReissuesRepository } from './reissues.repository.js';
import { ReissuesService } from './reissues.service.js';

/** N-2.4d: reissue from the pool at a street office's service point. */
@Module({
  controllers: [ServicePointsController, ReissuesController],
  providers: [ReissuesService, ReissuesRepository],
})
export class ReissuesModule {}
