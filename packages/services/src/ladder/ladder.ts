import { applyPromotion, type Db, type Prisma, recordAudit, rejectPromotion } from '@uplift/db';
import {
  assessReadiness,
  DomainError,
  type LadderChannel,
  type LadderSettings,
  type PromotionStatus,
  type ReadinessInput,
  rungPolicy,
  ZLadderSettings,
  ZReadinessInput,
} from '@uplift/domain';
import type { Queue } from 'bullmq';
import type { Actor } from '../deps';

interface Scope {
  db: Db;
  queue: Queue;
  workspace: { id: string; ladder: string[]; ladderPolicies: unknown; priorDiscount: number };
  actor: Actor;
}

/** Every offer with its experiments and proposals, optionally only the one a given experiment tests. */
export async function listOffers(db: Db, workspaceId: string, filter: { experiment?: string; id?: string } = {}) {
  const offers = await db.offer.findMany({
    where: {
      workspaceId,
      ...(filter.id ? { id: filter.id } : {}),
      ...(filter.experiment ? { experiments: { some: { key: filter.experiment } } } : {}),
    },
    include: {
      experiments: {
        orderBy: { createdAt: 'asc' },
        select: {
          key: true,
          name: true,
          channel: true,
          status: true,
          outcome: true,
          outcomeReason: true,
          design: true,
        },
      },
      promotions: { orderBy: { createdAt: 'asc' } },
      hypothesis: { select: { id: true, title: true, status: true, reachPerMonth: true, valuePerConversion: true } },
    },
    orderBy: { updatedAt: 'desc' },
  });
  return offers;
}

export async function offerJourney(db: Db, workspaceId: string, offerId: string) {
  const [offer] = await listOffers(db, workspaceId, { id: offerId });
  if (!offer) throw new DomainError('NOT_FOUND', `No offer ${offerId} in this workspace.`, 'offerId');
  const readiness = await db.readinessCheck.findMany({ where: { offerId }, orderBy: { createdAt: 'desc' } });
  return { ...offer, readiness };
}

/**
 * Proposals, newest first, each with the state of the readiness gate before its target rung:
 * `not_needed`, `missing`, `failed` or `passed` (the latest check counts).
 */
export async function listPromotions(db: Db, workspaceId: string, status?: PromotionStatus) {
  const [rows, workspace] = await Promise.all([
    db.promotion.findMany({
      where: { workspaceId, ...(status ? { status } : {}) },
      include: { offer: { select: { id: true, name: true, rung: true, state: true } } },
      orderBy: { createdAt: 'desc' },
      take: 200,
    }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { ladderPolicies: true } }),
  ]);
  const policies = (workspace.ladderPolicies ?? {}) as LadderSettings['policies'];
  const checks = await db.readinessCheck.findMany({
    where: { offerId: { in: rows.map((r) => r.offerId) } },
    orderBy: { createdAt: 'desc' },
    select: { offerId: true, rung: true, passed: true },
  });
  const latest = (offerId: string, rung: string) => checks.find((c) => c.offerId === offerId && c.rung === rung);
  return rows.map((p) => {
    const gated = p.kind === 'PROMOTE' && rungPolicy({ policies }, p.toRung).readinessGate;
    const check = gated ? latest(p.offerId, p.toRung) : undefined;
    const readiness = !gated ? 'not_needed' : !check ? 'missing' : check.passed ? 'passed' : 'failed';
    return { ...p, readiness };
  });
}

/** The policy in force for stepping onto each rung of the ladder: overrides over the defaults. */
export function effectivePolicies(workspace: { ladder: string[]; ladderPolicies: unknown }) {
  const policies = (workspace.ladderPolicies ?? {}) as LadderSettings['policies'];
  return Object.fromEntries(workspace.ladder.map((rung) => [rung, rungPolicy({ policies }, rung as LadderChannel)]));
}

async function mustOwnPromotion(db: Db, workspaceId: string, id: string) {
  const found = await db.promotion.findFirst({ where: { id, workspaceId } });
  if (!found) throw new DomainError('NOT_FOUND', `No promotion proposal ${id} in this workspace.`, 'id');
  return found;
}

export async function approvePromotion(scope: Scope, id: string, reason: string | null, segments?: string[]) {
  await mustOwnPromotion(scope.db, scope.workspace.id, id);
  return scope.db.$transaction((tx) => applyPromotion(tx, id, scope.actor, reason, segments));
}

export async function declinePromotion(scope: Scope, id: string, reason: string) {
  await mustOwnPromotion(scope.db, scope.workspace.id, id);
  return scope.db.$transaction((tx) => rejectPromotion(tx, id, scope.actor, reason));
}

/** A product owner's readiness check of an offer for a rung, with the numbers and the assessment recorded. */
export async function checkReadiness(scope: Scope, input: { offerId: string; rung: LadderChannel } & ReadinessInput) {
  const { offerId, rung, ...raw } = input;
  const inputs = ZReadinessInput.parse(raw);
  const assessment = assessReadiness(inputs);
  return scope.db.$transaction(async (tx) => {
    const offer = await tx.offer.findFirst({ where: { id: offerId, workspaceId: scope.workspace.id } });
    if (!offer) throw new DomainError('NOT_FOUND', `No offer ${offerId} in this workspace.`, 'offerId');
    const check = await tx.readinessCheck.create({
      data: {
        offerId,
        rung,
        inputs: inputs as unknown as Prisma.InputJsonValue,
        assessment: JSON.parse(JSON.stringify(assessment)) as Prisma.InputJsonValue,
        passed: assessment.passes,
        checkedById: scope.actor.id,
        checkedByEmail: scope.actor.email,
      },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actor: scope.actor,
      entityType: 'offer',
      entityId: offerId,
      action: assessment.passes ? 'offer.readiness.pass' : 'offer.readiness.fail',
      after: { rung, inputs, assessment },
    });
    return check;
  });
}

export async function updateLadderSettings(
  scope: Scope,
  raw: { ladder: LadderChannel[]; policies?: LadderSettings['policies']; priorDiscount?: number },
) {
  const { priorDiscount, ...rest } = raw;
  const settings = ZLadderSettings.parse(rest);
  if (priorDiscount !== undefined && !(priorDiscount >= 1 && priorDiscount <= 100)) {
    throw new DomainError(
      'BAD_INPUT',
      'must be 1–100 (1 keeps the lower rung’s evidence at full weight)',
      'priorDiscount',
    );
  }
  return scope.db.$transaction(async (tx) => {
    // An offer must always stand on a rung of the ladder: a rung in use cannot be removed.
    const stranded = await tx.offer.groupBy({
      by: ['rung'],
      where: { workspaceId: scope.workspace.id, rung: { notIn: settings.ladder } },
      _count: true,
    });
    if (stranded.length) {
      const list = stranded.map((r) => `${r.rung} (${r._count} offer${r._count === 1 ? '' : 's'})`).join(', ');
      throw new DomainError('CONFLICT', `Offers still stand on ${list}: move them before removing the rung.`, 'ladder');
    }
    const row = await tx.workspace.update({
      where: { id: scope.workspace.id },
      data: {
        ladder: settings.ladder,
        ladderPolicies: settings.policies as Prisma.InputJsonValue,
        ...(priorDiscount !== undefined ? { priorDiscount } : {}),
      },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actor: scope.actor,
      entityType: 'workspace',
      entityId: scope.workspace.id,
      action: 'workspace.ladder',
      before: {
        ladder: scope.workspace.ladder,
        policies: scope.workspace.ladderPolicies,
        priorDiscount: scope.workspace.priorDiscount,
      },
      after: { ...settings, priorDiscount: row.priorDiscount },
    });
    return { ladder: row.ladder, policies: row.ladderPolicies, priorDiscount: row.priorDiscount };
  });
}
