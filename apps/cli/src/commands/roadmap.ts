import { isDomainError, scheduleRoadmap, ZRoadmapInput } from '@uplift/domain';
import type { Command } from 'commander';
import { exampleHelp, fieldsHelp } from '../input-help';
import { type JsonFlags, PRETTY_HELP, readJson, runCommand, UsageError, writeJson } from '../io';

export async function roadmapCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const parsed = ZRoadmapInput.safeParse(await readJson(file));
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`));
  }
  let roadmap: ReturnType<typeof scheduleRoadmap>;
  try {
    roadmap = scheduleRoadmap(parsed.data);
  } catch (error) {
    // The scheduler's message already starts with the field it is about (channels.BANNER: …).
    if (isDomainError(error) && error.code === 'BAD_INPUT') throw new UsageError([error.message]);
    throw error;
  }
  const { scheduled, tooSmall, unschedulable, quarter, running } = roadmap;
  writeJson({ scheduled, tooSmall, unschedulable, quarter, running }, pretty);
}

export const ROADMAP_EXAMPLE = `{ "channels": { "EMAIL": { "unitsPerWeek": 20000, "maxConcurrent": 2 } },
  "hypotheses": [{ "id": "gift-email", "channel": "EMAIL", "baselineRate": 0.1, "expectedLift": 0.1,
                   "expectedMonthlyGain": 4000, "roi": 1.5, "createdAt": "2026-01-15T09:00:00Z" }] }`;

const details = () => `
${fieldsHelp('one object', ZRoadmapInput)}
  maxTestWeeks defaults to 12; plannedUsers is a draft's; plannedWeeks an OFFLINE test's (default 8).
  Each test gets unitsPerWeek / maxConcurrent units a week. n is plannedUsers, else the sample size
  "uplift plan" gives for baselineRate and expectedLift (binomial, α 0.05, power 0.8, two variants);
  weeks = ceil(n / rate). Running tests hold a slot first for ceil(remainingUnits / rate) weeks; then
  pinned ideas in pin order, the rest by expectedMonthlyGain / weeks (weighted shortest job first), then
  roi, then createdAt, each take the slot of their channel that frees first (lowest index on ties).

${exampleHelp('roadmap', ROADMAP_EXAMPLE)}

Result: { scheduled: [{ id, channel, slot, startWeek, endWeek, weeks, requiredUnits, score }],
  tooSmall: [{ id, detectableLift }], unschedulable: [{ id, reason }], quarter: { fits, weeksOfBacklog },
  running: [{ id, channel, slot, startWeek, endWeek, weeks, requiredUnits }] }
  endWeek is exclusive. An idea longer than maxTestWeeks is tooSmall, with the lift detectable in that time
  (null when none is); expectedLift ≤ 0 is unschedulable. fits counts scheduled items with endWeek ≤ 13;
  weeksOfBacklog is the largest endWeek.

Invalid input: exit code 2, nothing on stdout, one line per problem on stderr, "field: problem"
  (a channel used but missing from channels, or a capacity ≤ 0, is named: "channels.BANNER: …").`;

export function registerRoadmap(program: Command): void {
  program
    .command('roadmap')
    .description('Plan the test roadmap: which ideas run when on each channel, and what fits this quarter.')
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .addHelpText('after', details)
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => roadmapCommand(file, flags)));
}
