import { Module } from '@nestjs/common';
import { PublicLookupController } from './public-lookup.controller.js';
import { PublicLookupRepository } from './public-lookup.repository.js';
import { PublicLookupService } from './public-lookup.service.js';

@Module({
  controllers: [PublicLookupController],
  providers: [PublicLookupService, PublicLookupRepository],
})
export class PublicLookupModule {}
