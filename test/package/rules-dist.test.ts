import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = fileURLToPath(new URL('../../packages/rules/dist/index.js', import.meta.url));

interface RulesGlobal {
  routeBatch(n: number): string;
  isWorkingDay(d: string): boolean;
  maskIdNumber(v: string): string;
  annualFee(i: { policyYear: number; category: string }): number;
  personSchema: { safeParse(v: unknown): { success: boolean } };
}

describe('@sscard/rules as consumers load it (built dist)', () => {
  it('N-2.2a runs in Node as an ES module from the package name', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { routeBatch, annualFee, isWorkingDay } from '@sscard/rules'; console.log(JSON.stringify([routeBatch(600), annualFee({ policyYear: 2025, category: 'student_child' }), isWorkingDay('2025-10-11')]));",
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual(['direct_delivery', 405, true]);
  });

  it('S-2.2a bundles for the browser and runs without any Node global', async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'sscardRules',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.startsWith('node:'))).toBe(false);
    const code = result.outputFiles[0]?.text ?? '';
    // A bare context: no process, require, Buffer or module — only what a browser also has.
    const context: { sscardRules?: RulesGlobal } = {};
    runInNewContext(code, context);
    const rules = context.sscardRules;
    expect(rules?.routeBatch(599)).toBe('pickup');
    expect(rules?.isWorkingDay('2026-02-14')).toBe(true);
    expect(rules?.maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(rules?.annualFee({ policyYear: 2011, category: 'elderly' })).toBe(300);
    expect(rules?.personSchema.safeParse({ name: '' }).success).toBe(false);
  });
});
