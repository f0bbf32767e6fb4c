import { randomUUID } from 'node:crypto';
import { createDb } from '@uplift/db';
import { afterAll, describe, expect, it } from 'vitest';
import { removeMember } from './remove-member';
import { setMemberRole } from './set-member-role';

// Issue 10 point 2: the last-admin rule holds inside the transaction, so two admins acting on each other at
// the same moment cannot both win. Several tries, because a race that loses only sometimes is still a race.
const db = createDb(process.env.DATABASE_URL, 4);
afterAll(() => db.$disconnect());

async function twoAdmins() {
  const workspace = await db.workspace.create({ data: { slug: `admins-${randomUUID().slice(0, 8)}`, name: 'Admins' } });
  const admins = [];
  for (const n of [1, 2]) {
    const user = await db.user.create({
      data: { id: randomUUID(), email: `admin${n}-${workspace.slug}@test.local`, name: `A${n}` },
    });
    const m = await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'ADMIN' } });
    admins.push({ membership: m, actor: { id: user.id, email: user.email } });
  }
  return { workspace, a: admins[0] as (typeof admins)[number], b: admins[1] as (typeof admins)[number] };
}

const adminsLeft = (workspaceId: string) => db.membership.count({ where: { workspaceId, role: 'ADMIN' } });

describe('at least one admin, under concurrent changes', () => {
  it('two admins demoting each other at once: one wins, one admin remains', async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const { workspace, a, b } = await twoAdmins();
      const outcomes = await Promise.allSettled([
        setMemberRole({ db }, { workspace, actor: a.actor }, { membershipId: b.membership.id, role: 'ANALYST' }),
        setMemberRole({ db }, { workspace, actor: b.actor }, { membershipId: a.membership.id, role: 'ANALYST' }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(String((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(
        /at least one admin/,
      );
      expect(await adminsLeft(workspace.id)).toBe(1);
    }
  });

  it('two admins removing each other at once: one wins, one admin remains', async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const { workspace, a, b } = await twoAdmins();
      const outcomes = await Promise.allSettled([
        removeMember({ db }, { workspace, actor: a.actor }, { membershipId: b.membership.id }),
        removeMember({ db }, { workspace, actor: b.actor }, { membershipId: a.membership.id }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await adminsLeft(workspace.id)).toBe(1);
    }
  });

  it('a demotion racing a removal leaves an admin too', async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const { workspace, a, b } = await twoAdmins();
      await Promise.allSettled([
        setMemberRole({ db }, { workspace, actor: a.actor }, { membershipId: b.membership.id, role: 'MARKETER' }),
        removeMember({ db }, { workspace, actor: b.actor }, { membershipId: a.membership.id }),
      ]);
      expect(await adminsLeft(workspace.id)).toBe(1);
    }
  });
});
