import type { PipeTransform } from '@nestjs/common';
import { NotFound } from '../errors/api-errors.js';
import { UUID_PATTERN } from './uuid-text.js';

/** An id that cannot exist is simply not found — never a database error. */
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID_PATTERN.test(value)) throw new NotFound();
    return value.toLowerCase();
  }
}
