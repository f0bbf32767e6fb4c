import { readFileSync } from 'node:fs';
import {
  ZAnalyzeRequest,
  ZDecideRequest,
  ZInsightsSummaryInput,
  ZLocationAnalysisInput,
  ZLocationPlanInput,
  ZPlanRequest,
  ZRoadmapInput,
  ZRoiInput,
} from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ANALYZE_EXAMPLE } from './analyze-help';
import { runCli } from './cli-harness';
import { DECIDE_EXAMPLE } from './decide';
import { INSIGHTS_EXAMPLE } from './insights';
import { LOCATIONS_EXAMPLE } from './locations';
import { LOCATIONS_PLAN_EXAMPLE } from './locations-plan';
import { PLAN_EXAMPLE } from './plan';
import { ROADMAP_EXAMPLE } from './roadmap';
import { ROI_EXAMPLE } from './roi';

// Every command that reads JSON lists its fields (written from the zod schema that validates them) and an example
// that runs, so nobody learns the fields from error messages.
const COMMANDS = [
  [['roi'], ZRoiInput, ROI_EXAMPLE],
  [['analyze'], ZAnalyzeRequest, ANALYZE_EXAMPLE],
  [['decide'], ZDecideRequest, DECIDE_EXAMPLE],
  [['plan'], ZPlanRequest, PLAN_EXAMPLE],
  [['insights'], ZInsightsSummaryInput, INSIGHTS_EXAMPLE],
  [['roadmap'], ZRoadmapInput, ROADMAP_EXAMPLE],
  [['locations', 'analyze'], ZLocationAnalysisInput, LOCATIONS_EXAMPLE],
  [['locations', 'plan'], ZLocationPlanInput, LOCATIONS_PLAN_EXAMPLE],
] as const;

const topLevelFields = (schema: z.ZodType) =>
  Object.keys((z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties: object }).properties);

describe('uplift <command> --help', { timeout: 60_000 }, () => {
  it.each(COMMANDS)('%j lists every field of its schema and an example', (args, schema, example) => {
    const run = runCli([...args, '--help']);
    expect(run.status).toBe(0);
    const fields = run.stdout.slice(run.stdout.indexOf('Input: '));
    const listed = [...fields.matchAll(/^ {2}([\w.[\]<>]+)\*? {2}/gm)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    for (const field of topLevelFields(schema)) expect(listed).toContain(field);
    expect(run.stdout).toContain(
      example
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    );
  });

  it.each(COMMANDS)('%j answers its example', (args, _schema, example) => {
    const run = runCli([...args], example);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toBeTruthy();
  });

  it('marks required fields, gives ranges and enums, and names nested fields by path', () => {
    const roi = runCli(['roi', '--help']).stdout;
    expect(roi).toMatch(/^ {2}baselineRate\* +number > 0 and < 1$/m);
    expect(roi).toMatch(/^ {2}horizonMonths +integer ≥ 1 and ≤ 120 = 12$/m);
    const analyze = runCli(['analyze', '--help']).stdout;
    expect(analyze).toMatch(/^ {2}metric\* +"binomial" \| "mean" \| "ratio"$/m);
    expect(analyze).toMatch(/^ {2}variants\[\]\.users\* +integer ≥ 0$/m);
    expect(analyze).toMatch(/^ {2}sequential +number > 0 or null$/m);
  });
});

describe('uplift --version', { timeout: 30_000 }, () => {
  it("prints the CLI package's version", () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});
