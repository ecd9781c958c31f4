import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Every committed fixture has its test: each file of test/fixtures/import/ok and not-ok is named
 * in one of the imports-fixtures-* tests (which run it through the API with its exact messages)
 * and in the fixtures' README (which says how it was made).
 */
const ROOT = new URL('../../../../test/fixtures/import/', import.meta.url);
const here = new URL('./', import.meta.url);

const tests = readdirSync(here)
  .filter((f) => f.startsWith('imports-fixtures-') && !f.includes('coverage'))
  .map((f) => readFileSync(new URL(f, here), 'utf8'))
  .join('\n');
const readme = readFileSync(new URL('README.md', ROOT), 'utf8');

describe('test/fixtures/import', () => {
  it.each(['ok', 'not-ok'])('every file of %s/ has a test and a line in the README', (dir) => {
    const files = readdirSync(new URL(`${dir}/`, ROOT));
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => !tests.includes(`'${f}'`))).toEqual([]);
    expect(files.filter((f) => !readme.includes(`\`${f}\``))).toEqual([]);
  });
});
