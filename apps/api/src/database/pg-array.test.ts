import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresOnly, requirePostgres, skipWithoutPostgres } from '../../test/test-app.js';
import { pgArray } from './pg-array.js';

describe('pgArray', () => {
  it('quotes every element and joins them', () => {
    expect(pgArray(['a', 'b c', 3])).toBe('{"a","b c","3"}');
    expect(pgArray([])).toBe('{}');
  });

  it('escapes quotes and backslashes, and writes NULL for null and undefined', () => {
    expect(pgArray(['say "hi"', 'a\\b', null, undefined])).toBe(
      '{"say \\"hi\\"","a\\\\b",NULL,NULL}',
    );
  });
});

// What PostgreSQL makes of the literal is what matters: the same values must come back.
describe.skipIf(skipWithoutPostgres)(postgresOnly('pgArray on PostgreSQL'), () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: requirePostgres() });
    await client.connect();
  });
  afterAll(() => client.end());

  it('round-trips text with every character that means something in an array literal', async () => {
    const values = [
      '{a,b}',
      'NULL',
      'null',
      ' spaced ',
      '',
      '"',
      '\\',
      'a,b',
      '张三',
      '\\"x\\"',
      null,
    ];
    const { rows } = await client.query('SELECT $1::text[] AS v', [pgArray(values)]);
    expect(rows[0].v).toEqual(values);
  });

  it('round-trips numbers, dates and JSON documents', async () => {
    const { rows } = await client.query(
      'SELECT $1::int[] AS n, $2::date[]::text[] AS d, $3::jsonb[] AS j',
      [
        pgArray([1, 2, null]),
        pgArray(['2025-09-01', null]),
        pgArray([JSON.stringify([{ code: 'A"1', kind: 'hospital' }]), '[]']),
      ],
    );
    expect(rows[0]).toEqual({
      n: [1, 2, null],
      d: ['2025-09-01', null],
      j: [[{ code: 'A"1', kind: 'hospital' }], []],
    });
  });
});
