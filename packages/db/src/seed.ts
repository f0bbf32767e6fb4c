import {
  type ChannelCapacities,
  freezeApprovedRoi,
  type HypothesisStatus,
  type Role,
  scoreRoi,
  ZRoiInput,
} from '@uplift/domain';
import type { Db } from './client';
import { rerankBacklog } from './repositories/hypotheses';
import { createPasswordUser, type PasswordHasher } from './repositories/users';
import { DEMO_HYPOTHESES } from './seed-data';
import { seedDemoExperiments } from './seed-experiments';
import { HISTORY_HYPOTHESES } from './seed-history';
import { seedDemoLearnings } from './seed-learnings';

export const DEMO_PASSWORD = 'uplift-demo-2026';
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'marketer@demo.uplift.local', name: 'Maya Marketer', role: 'MARKETER' },
  { email: 'owner@demo.uplift.local', name: 'Paul Product-Owner', role: 'PRODUCT_OWNER' },
  { email: 'analyst@demo.uplift.local', name: 'Ana Analyst', role: 'ANALYST' },
  { email: 'admin@demo.uplift.local', name: 'Adam Admin', role: 'ADMIN' },
];

/**
 * Channel capacity for the demo's roadmap: email tests share 6,000 recipients a week two at a time and banners
 * 12,000 visitors, so the approved ideas fill a quarter and the largest email test (the lapsed-buyer promo)
 * spills past week 13; offline has 6 stores for one 8-week test at a time.
 */
export const DEMO_CAPACITY = {
  EMAIL: { unitsPerWeek: 6000, maxConcurrent: 2 },
  BANNER: { unitsPerWeek: 12_000, maxConcurrent: 2 },
  OFFLINE: { unitsPerWeek: 6, maxConcurrent: 1 },
} satisfies ChannelCapacities;

/** Seeds the demo workspace once: when a workspace `demo` exists, it does nothing and returns false. */
export async function seedDemo(db: Db, deps: PasswordHasher): Promise<boolean> {
  if (await db.workspace.findUnique({ where: { slug: 'demo' } })) return false;
  const workspace = await db.workspace.create({
    data: { slug: 'demo', name: 'Demo Retail Co.', horizonMonths: 12, capacity: DEMO_CAPACITY, currency: 'EUR' },
  });
  const users: Record<Role, string> = { MARKETER: '', PRODUCT_OWNER: '', ANALYST: '', ADMIN: '' };
  // The audit log names people by email: seeded events carry it as the services' do.
  const emails = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: u.email } });
    const user = existing ?? (await createPasswordUser(db, deps, { ...u, password: DEMO_PASSWORD }));
    await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: u.role } });
    users[u.role] = user.id;
    emails.set(user.id, u.email);
  }
  const now = Date.now();
  // Prisma's default 5 s ran out on a loaded 2-core machine and left a `demo` workspace without hypotheses.
  await db.$transaction(
    async (tx) => {
      const hypotheses = [...DEMO_HYPOTHESES, ...HISTORY_HYPOTHESES];
      for (const [i, h] of hypotheses.entries()) {
        const { status, author, ...fields } = h;
        const inputs = ZRoiInput.parse({ ...fields, horizonMonths: workspace.horizonMonths });
        const score = scoreRoi(inputs);
        const createdAt = new Date(now - (hypotheses.length - i) * 86_400_000);
        // Approved ideas (and those tested since) keep the ROI they were approved on, as the approval stores it.
        const approved = !['DRAFT', 'SUBMITTED', 'REJECTED'].includes(status);
        const created = await tx.hypothesis.create({
          data: {
            ...fields,
            ...score,
            ...(approved ? { approvedInputs: freezeApprovedRoi({ ...inputs, ...score }), approvedAt: createdAt } : {}),
            status,
            workspaceId: workspace.id,
            authorId: users[author],
            decisionReason: status === 'REJECTED' ? 'Margin after the discount is below our floor.' : null,
            createdAt,
          },
        });
        await tx.auditEvent.create({
          data: {
            workspaceId: workspace.id,
            actorId: users[author],
            actorEmail: emails.get(users[author]) ?? null,
            entityType: 'hypothesis',
            entityId: created.id,
            action: 'hypothesis.create',
            after: { status: 'DRAFT', title: created.title },
          },
        });
        if (status !== 'DRAFT') {
          await tx.auditEvent.create({
            data: {
              workspaceId: workspace.id,
              actorId: decidedBy(status, users),
              actorEmail: emails.get(decidedBy(status, users) ?? '') ?? null,
              entityType: 'hypothesis',
              entityId: created.id,
              action: 'hypothesis.status',
              before: { status: 'DRAFT' },
              after: { status },
              reason: created.decisionReason,
            },
          });
        }
      }
    },
    { timeout: 60_000 },
  );
  await seedDemoExperiments(db, workspace.id, users.PRODUCT_OWNER);
  await seedDemoLearnings(db, workspace.id, users.PRODUCT_OWNER);
  await rerankBacklog(db, workspace.id);
  return true;
}

const decidedBy = (status: HypothesisStatus, users: Record<Role, string>) =>
  status === 'SUBMITTED' ? users.MARKETER : users.PRODUCT_OWNER;
