import type { Db } from './client';

/** What the demo's ended tests taught, by experiment key (a key the seed did not create is skipped). */
const DEMO_LEARNINGS: { key: string; text: string; tags: string[] }[] = [
  {
    key: 'cart-reminder-1h',
    text: 'Timing beat wording: the same reminder sent after 1 hour instead of 24 recovered far more carts. Intent fades within the day, so speed matters more than the copy.',
    tags: ['timing', 'cart recovery', 'urgency'],
  },
  {
    key: 'free-delivery-email',
    text: 'Free weekend delivery lifted app orders from email: app users plan weekend shopping and the offer removed the last cost objection.',
    tags: ['free shipping', 'weekend', 'app users'],
  },
  {
    key: 'free-delivery-banner',
    text: 'The same free-delivery offer lost on banners: shown to everyone, it pulled weekday orders into the weekend without adding new ones. Keep it targeted.',
    tags: ['free shipping', 'cannibalisation', 'targeting'],
  },
  {
    key: 'bundle-email',
    text: 'Three for two on basics won in email because basics are bought in multiples anyway; the bundle raised basket size without cutting the margin per order much.',
    tags: ['bundles', 'basket size', 'pricing'],
  },
];

/** Learnings on the demo workspace's ended experiments, recorded by the product owner, each with its audit row. */
export async function seedDemoLearnings(db: Db, workspaceId: string, authorId: string) {
  const author = await db.user.findUnique({ where: { id: authorId }, select: { email: true } });
  const experiments = await db.experiment.findMany({
    where: { workspaceId, key: { in: DEMO_LEARNINGS.map((l) => l.key) }, status: { in: ['COMPLETED', 'STOPPED'] } },
    select: { id: true, key: true, endedAt: true },
  });
  for (const e of experiments) {
    const l = DEMO_LEARNINGS.find((d) => d.key === e.key);
    if (!l) continue;
    const at = e.endedAt ?? new Date();
    const created = await db.learning.create({
      data: { workspaceId, experimentId: e.id, text: l.text, tags: l.tags, authorId, createdAt: at, updatedAt: at },
    });
    await db.auditEvent.create({
      data: {
        workspaceId,
        actorId: authorId,
        actorEmail: author?.email ?? null,
        entityType: 'learning',
        entityId: created.id,
        action: 'learning.record',
        after: { experimentKey: e.key, text: l.text, tags: l.tags },
        createdAt: at,
      },
    });
  }
}
