// The command runs in-process on the engine's own case tables.
import { describe, expect, it } from 'vitest';
import { caseProblem, ENGINE_ERROR_CASES, INPUT_ERROR_CASES, RULE_CASES, baseInput } from '../domain/assessment/fixtures/index.ts';
import { runAssess } from './assess.ts';

async function run(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runAssess(args, { stdin, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('mesochart assess', () => {
  it.each(RULE_CASES.map((c) => [`${c.rule}: ${c.name} → ${c.expect}`, c] as const))('%s', async (_name, c) => {
    const { code, stdout, stderr } = await run([], JSON.stringify(c.input));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.endsWith('}\n')).toBe(true);
    const assessment = JSON.parse(stdout) as { findings: { rule: string; level: string; facts: Record<string, unknown> }[] };
    expect(caseProblem(c, assessment.findings)).toBeUndefined();
  });

  it.each([...INPUT_ERROR_CASES, ...ENGINE_ERROR_CASES])('exits 1 on %s, naming the field on stderr', async (_what, input, path, message) => {
    const { code, stdout, stderr } = await run([], JSON.stringify(input));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toContain(`${path}: ${message}`);
    expect(stderr.endsWith('\n')).toBe(true);
  });

  it('prints pretty JSON with a decision for a clean session', async () => {
    const { code, stdout } = await run([], JSON.stringify(baseInput()));
    expect(code).toBe(0);
    expect(stdout).toBe('{\n  "decision": "ok",\n  "findings": []\n}\n');
  });

  it.each([[['--lang', 'ru']], [['--lang=ru']]])('writes Russian messages with %j', async (args) => {
    const d = baseInput();
    d.patient.conditions.push({ code: 'keloid' });
    const { code, stdout } = await run(args, JSON.stringify(d));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      decision: 'warn',
      findings: [expect.objectContaining({ rule: 'keloid', message: 'Склонность к келоидным рубцам: любой прокол может оставить рубец.' })],
    });
  });

  it.each([
    ['not JSON', [], '{"date": ', /^input: not valid JSON \(.+\)\n$/],
    ['empty input', [], '', /^input: not valid JSON \(.+\)\n$/],
    ['an unknown language', ['--lang', 'de'], '{}', /^assess: --lang must be en or ru, got "de"\n$/],
    ['a missing language', ['--lang'], '{}', /^assess: --lang must be en or ru, got ""\n$/],
    ['an unknown argument', ['--verbose'], '{}', /^assess: unknown argument "--verbose"\n/],
  ])('exits 1 on %s', async (_what, args, stdin, stderr) => {
    const result = await run(args, stdin);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(stderr);
  });

  it('prints its usage on --help', async () => {
    const { code, stdout } = await run(['--help'], '');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: mesochart assess/);
  });
});
