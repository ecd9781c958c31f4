import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detached } from './detached-text.js';

// A full collection on demand, to see what the kept texts keep alive.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap in use after keeping one 18-character text out of each of 100 chunks of 64 K chars. */
function heapKeeping(keep: (text: string) => string): { kept: string[]; mb: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 100; i += 1) {
    // Two-byte text, as decoded sheet XML with Chinese in it is.
    const chunk = `<c><is><t>学生${i}</t></is></c>`.padEnd(65_536, `${i % 10}`);
    kept.push(keep(chunk.slice(40, 58)));
  }
  gc();
  return { kept, mb: (process.memoryUsage().heapUsed - before) / 1_048_576 };
}

describe('detached', () => {
  it('returns the same text', () => {
    expect(detached('110105199001020008')).toBe('110105199001020008');
    expect(detached('学生')).toBe('学生');
    expect(detached('')).toBe('');
  });

  it('keeps none of the chunk a long text was cut from (a plain substring keeps all of it)', () => {
    const sliced = heapKeeping((t) => t);
    const own = heapKeeping(detached);
    // 100 chunks of 128 KB: 12.5 MB held through the slices, next to nothing through copies.
    expect(sliced.mb).toBeGreaterThan(10);
    expect(own.mb).toBeLessThan(1);
    expect(own.kept).toEqual(sliced.kept);
  });
});
