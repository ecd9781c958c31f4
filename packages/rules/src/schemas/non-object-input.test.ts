import { describe, expect, it } from 'vitest';
import * as rules from '../index.js';

/** Any exported schema, given a body that is not an object, fails validation instead of throwing. */
describe('schemas refuse non-object input without throwing (API: no 500 on a junk body)', () => {
  interface Parser {
    safeParse: (v: unknown) => { success: boolean };
  }
  const isParser = (v: unknown): v is Parser =>
    typeof v === 'object' && v !== null && 'safeParse' in v && typeof v.safeParse === 'function';
  const schemas: [string, Parser][] = Object.entries(rules as Record<string, unknown>).flatMap(
    ([name, value]): [string, Parser][] => (isParser(value) ? [[name, value]] : []),
  );

  it('covers the person, enrolment, card and student schemas', () => {
    const names = schemas.map(([name]) => name);
    for (const name of ['personSchema', 'enrolmentSchema', 'vendorCardSchema'])
      expect(names).toContain(name);
  });

  for (const value of [[], 'x', 42, null, true]) {
    it(`every schema refuses ${JSON.stringify(value)}`, () => {
      for (const [name, schema] of schemas) {
        expect(() => schema.safeParse(value), name).not.toThrow();
      }
    });
  }
});
