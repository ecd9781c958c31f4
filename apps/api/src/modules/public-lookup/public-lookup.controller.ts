import { Body, Controller, Header, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import { zodBody } from '../../common/validation/zod-body.pipe.js';
import {
  type CardStatusBody,
  type CardStatusFound,
  cardStatusBody,
  NOT_FOUND,
  type NotFoundBody,
} from './public-lookup.dto.js';
import { PublicLookupService } from './public-lookup.service.js';

@ApiTags('public')
@Controller('public')
export class PublicLookupController {
  constructor(private readonly lookup: PublicLookupService) {}

  /** Parents, no account: name + ID number → the card's state and the next step. */
  @Public()
  @Post('card-status')
  @HttpCode(200)
  @ApiZodBody(cardStatusBody)
  @Header('Cache-Control', 'no-store')
  async cardStatus(
    @Body(zodBody(cardStatusBody)) body: CardStatusBody,
    @Ip() ip: string,
  ): Promise<CardStatusFound | NotFoundBody> {
    return (await this.lookup.lookup(body, ip)) ?? NOT_FOUND;
  }
}
