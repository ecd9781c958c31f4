import { type PipeTransform } from '@nestjs/common';
import { fieldErrors } from '@sscard/rules';
import type { z } from 'zod';
import { ValidationFailed } from '../errors/api-errors.js';

/** Validates a body or query with a shared zod schema; failures are a field → message map (422). */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) throw new ValidationFailed(fieldErrors(result.error));
    return result.data;
  }
}

export const zodBody = <S extends z.ZodType>(schema: S) => new ZodPipe(schema);
