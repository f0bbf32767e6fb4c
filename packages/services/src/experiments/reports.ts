import type { Db, Prisma } from '@uplift/db';
import {
  DomainError,
  type ExperimentMetrics,
  type ReportInput,
  type VariantDefinition,
  ZReportInput,
} from '@uplift/domain';
import { requestEvaluation } from '@uplift/jobs';
import type { Queue } from 'bullmq';
import { mustGetExperiment } from './experiments';

/**
 * Stores an email tool's cumulative campaign report for one metric. The newest report of a metric replaces
 * the event data of that metric in evaluation; older ones stay as history.
 */
export async function putReport(
  deps: { db: Db; queue: Queue },
  workspaceId: string,
  key: string,
  raw: unknown,
  source: { kind: 'api' | 'csv'; by: string },
) {
  const input: ReportInput = ZReportInput.parse(raw);
  const report = await deps.db.$transaction(async (tx) => {
    const experiment = await mustGetExperiment(tx, workspaceId, key);
    if (experiment.status === 'DRAFT') {
      throw new DomainError(
        'CONFLICT',
        `Experiment "${key}" is a draft; start it before importing results.`,
        'experiment',
      );
    }
    const metrics = experiment.metrics as unknown as ExperimentMetrics;
    const variants = experiment.variants as unknown as VariantDefinition[];
    const name = input.metric ?? metrics.primary.name;
    const metric = [metrics.primary, ...metrics.guardrails].find((m) => m.name === name);
    if (!metric) throw new DomainError('BAD_INPUT', `"${name}" is not a metric of this experiment.`, 'metric');
    input.variants.forEach((v, i) => {
      const field = (f: string) => `variants.${i}.${f}`;
      if (!variants.some((d) => d.key === v.key)) {
        throw new DomainError(
          'BAD_INPUT',
          `"${v.key}" is not a variant of "${key}" (${variants.map((d) => d.key).join(', ')}).`,
          field('key'),
        );
      }
      if (metric.kind === 'mean' && (v.sum === undefined || v.sumSquares === undefined)) {
        throw new DomainError(
          'BAD_INPUT',
          `sum and sumSquares are required for the mean metric "${name}".`,
          field('sum'),
        );
      }
      if (
        metric.kind === 'mean' &&
        v.users > 0 &&
        (v.sumSquares as number) < ((v.sum as number) ** 2 / v.users) * (1 - 1e-9)
      ) {
        throw new DomainError('BAD_INPUT', 'cannot be below sum²/users.', field('sumSquares'));
      }
    });
    const missing = variants.filter((d) => !input.variants.some((v) => v.key === d.key)).map((d) => d.key);
    if (missing.length) {
      throw new DomainError(
        'BAD_INPUT',
        `the report must cover every variant; missing: ${missing.join(', ')}.`,
        'variants',
      );
    }
    await tx.experiment.update({
      where: { id: experiment.id },
      data: { dataVersion: { increment: 1 }, lastDataAt: new Date(), noDataAlertedAt: null },
    });
    return tx.experimentReport.create({
      data: {
        experimentId: experiment.id,
        metric: name,
        variants: input.variants as unknown as Prisma.InputJsonValue,
        source: source.kind,
        createdBy: source.by,
      },
    });
  });
  await requestEvaluation(deps.queue, report.experimentId).catch(() => {});
  return report;
}
