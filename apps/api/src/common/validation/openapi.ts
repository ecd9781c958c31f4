import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

/** The OpenAPI request body, generated from the same zod schema that validates it. */
export function ApiZodBody(schema: z.ZodType): MethodDecorator {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return ApiBody({ schema: jsonSchema as Record<string, unknown> });
}
