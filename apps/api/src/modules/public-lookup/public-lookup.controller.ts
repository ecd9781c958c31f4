import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import { zodBody } from '../../common/validation/zod-body.pipe.js';
import { type CardStatusBody, cardStatusBody, NOT_FOUND_BODY } from './public-lookup.dto.js';
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
  async cardStatus(
    @Body(zodBody(cardStatusBody)) body: CardStatusBody,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.lookup.lookup(body, req.ip ?? 'unknown');
    res.setHeader('Cache-Control', 'no-store');
    if (!found) {
      res.status(200).type('application/json').send(NOT_FOUND_BODY);
      return;
    }
    res.status(200).json(found);
  }
}
