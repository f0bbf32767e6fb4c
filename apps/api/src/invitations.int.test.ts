import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from './context';
import { callerFor, createWorkspace, type TestWorkspace, testAuth, testDeps } from './testing/fixtures';

// Issue 10, point 10: membership by consent, and no probing whether an email has an account.
const deps = testDeps('invitations');
let a: TestWorkspace;
let b: TestWorkspace;
let auth: Awaited<ReturnType<typeof testAuth>>;

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );
const admin = () => callerFor(deps, a.users.ADMIN, a.slug);
const as = (user: SessionUser | null) => callerFor(deps, user, null);
const isMember = async (ws: TestWorkspace, email: string) =>
  (await deps.db.membership.count({ where: { workspaceId: ws.id, user: { email } } })) === 1;
/** What an answer says, with the values that differ per call (ids, times, the token, the email) left out. */
const shapeOf = (answer: object): unknown =>
  JSON.parse(
    JSON.stringify(answer, (k, v) => (['id', 'token', 'email', 'createdAt', 'expiresAt'].includes(k) ? '·' : v)),
  );

beforeAll(async () => {
  a = await createWorkspace(deps.db, 'inv-a');
  b = await createWorkspace(deps.db, 'inv-b');
  auth = await testAuth(deps.db);
});
afterAll(() => deps.close());

describe('inviting (the admin’s side)', () => {
  it('answers the same for an email with an account elsewhere and for an unknown one, and adds no one', async () => {
    const existing = await admin().member.invite({ email: b.users.MARKETER.email, role: 'ANALYST' });
    const unknown = await admin().member.invite({ email: `nobody-${randomUUID()}@test.local`, role: 'ANALYST' });
    expect(shapeOf(existing)).toEqual(shapeOf(unknown));
    expect(existing.token).toMatch(/^[\w-]{43}$/);
    expect(await isMember(a, b.users.MARKETER.email)).toBe(false);
    const open = await admin().member.invitations();
    expect(open.map((i) => i.email)).toContain(b.users.MARKETER.email);
    expect(JSON.stringify(open)).not.toContain('tokenHash');
  });

  it('refuses an email that is already a member here, naming the field', async () => {
    await expect(admin().member.invite({ email: a.users.ANALYST.email, role: 'ADMIN' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await code(admin().member.invite({ email: 'not-an-email', role: 'ADMIN' }))).toBe('BAD_REQUEST');
  });

  it('inviting again replaces the open invitation: the old link stops working', async () => {
    const email = `again-${randomUUID()}@test.local`;
    const first = await admin().member.invite({ email, role: 'MARKETER' });
    const second = await admin().member.invite({ email, role: 'PRODUCT_OWNER' });
    expect(await code(as(null).invitation.preview({ token: first.token }))).toBe('NOT_FOUND');
    expect(await as(null).invitation.preview({ token: second.token })).toMatchObject({ role: 'PRODUCT_OWNER' });
    expect((await admin().member.invitations()).filter((i) => i.email === email)).toHaveLength(1);
  });
});

describe('an existing account accepts after signing in', () => {
  it('sees the invitation, accepts it and becomes a member with the invited role', async () => {
    const invitee = b.users.PRODUCT_OWNER;
    const { invitation } = await admin().member.invite({ email: invitee.email, role: 'ANALYST' });
    const mine = await as(invitee).invitation.mine();
    expect(mine).toEqual([expect.objectContaining({ id: invitation.id, workspaceName: expect.any(String) })]);
    // Someone else cannot answer it: the same answer as for an unknown id.
    expect(await code(as(b.users.ANALYST).invitation.accept({ invitationId: invitation.id }))).toBe('NOT_FOUND');
    expect(await code(as(a.users.ADMIN).invitation.accept({ invitationId: invitation.id }))).toBe('NOT_FOUND');
    await as(invitee).invitation.accept({ invitationId: invitation.id });
    const m = await deps.db.membership.findFirstOrThrow({ where: { workspaceId: a.id, userId: invitee.id } });
    expect(m.role).toBe('ANALYST');
    expect(await code(as(invitee).invitation.accept({ invitationId: invitation.id }))).toBe('CONFLICT');
    const audit = await deps.db.auditEvent.findMany({ where: { workspaceId: a.id, action: 'member.join' } });
    expect(audit.some((e) => e.actorId === invitee.id)).toBe(true);
  });

  it('declining leaves them out; a revoked or expired invitation cannot be accepted', async () => {
    const invitee = b.users.ADMIN;
    const declined = await admin().member.invite({ email: invitee.email, role: 'MARKETER' });
    await as(invitee).invitation.decline({ invitationId: declined.invitation.id });
    expect(await isMember(a, invitee.email)).toBe(false);

    const revoked = await admin().member.invite({ email: invitee.email, role: 'MARKETER' });
    await admin().member.revokeInvitation({ invitationId: revoked.invitation.id });
    expect(await as(invitee).invitation.mine()).toEqual([]);
    expect(await code(as(invitee).invitation.accept({ invitationId: revoked.invitation.id }))).toBe('CONFLICT');

    const late = await admin().member.invite({ email: invitee.email, role: 'MARKETER' });
    const inEightDays = { ...deps, clock: () => new Date(Date.now() + 8 * 24 * 3600 * 1000) };
    const later = callerFor(inEightDays, invitee, null);
    expect(await later.invitation.mine()).toEqual([]);
    expect(await code(later.invitation.accept({ invitationId: late.invitation.id }))).toBe('CONFLICT');
    expect(await isMember(a, invitee.email)).toBe(false);
  });

  it('needs a session for the invitee’s own list and answers', async () => {
    expect(await code(as(null).invitation.mine())).toBe('UNAUTHORIZED');
    expect(await code(as(null).invitation.accept({ invitationId: 'x' }))).toBe('UNAUTHORIZED');
    expect(await code(as(null).invitation.decline({ invitationId: 'x' }))).toBe('UNAUTHORIZED');
  });
});

describe('a new person sets their own password through the link', () => {
  it('creates the account with that password and the membership, once', async () => {
    const email = `new-${randomUUID()}@test.local`;
    const { token } = await admin().member.invite({ email, role: 'MARKETER' });
    expect(await as(null).invitation.preview({ token })).toMatchObject({ email, role: 'MARKETER' });
    expect(await as(null).invitation.claim({ token, name: 'New Person', password: 'chosen-pass-1' })).toEqual({
      email,
    });
    expect(await isMember(a, email)).toBe(true);
    const signedIn = await auth.api.signInEmail({ body: { email, password: 'chosen-pass-1' } });
    expect(signedIn.user.email).toBe(email);
    expect(await code(as(null).invitation.claim({ token, name: 'Again', password: 'other-pass-2' }))).toBe('NOT_FOUND');
  });

  it('gives the same answer for an email that already has an account, and changes nothing of it', async () => {
    const email = `owner-${randomUUID()}@test.local`;
    const other = await createWorkspace(deps.db, 'inv-c');
    const { token: first } = await callerFor(deps, other.users.ADMIN, other.slug).member.invite({
      email,
      role: 'ADMIN',
    });
    await as(null).invitation.claim({ token: first, name: 'Owner', password: 'owners-pass-1' });
    const before = await deps.db.account.findFirstOrThrow({ where: { user: { email } } });

    const { token } = await admin().member.invite({ email, role: 'MARKETER' });
    const answer = await as(null).invitation.claim({ token, name: 'Hijack', password: 'attacker-pass-1' });
    expect(answer).toEqual({ email });
    const after = await deps.db.account.findFirstOrThrow({ where: { user: { email } } });
    expect(after.password).toBe(before.password);
    expect(await isMember(a, email)).toBe(false);
    await expect(auth.api.signInEmail({ body: { email, password: 'attacker-pass-1' } })).rejects.toThrow();
    // The real owner still accepts it after signing in.
    const owner = await deps.db.user.findUniqueOrThrow({ where: { email } });
    const [offer] = await as({ id: owner.id, email, name: owner.name }).invitation.mine();
    expect(offer?.workspaceName).toBe((await deps.db.workspace.findUniqueOrThrow({ where: { id: a.id } })).name);
  });

  it('refuses a bad link, a short password or a missing name, naming the field', async () => {
    expect(await code(as(null).invitation.preview({ token: 'x'.repeat(43) }))).toBe('NOT_FOUND');
    const { token } = await admin().member.invite({ email: `short-${randomUUID()}@test.local`, role: 'MARKETER' });
    await expect(as(null).invitation.claim({ token, name: 'S', password: 'short' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('password'),
    });
    await expect(as(null).invitation.claim({ token, name: ' ', password: 'long-enough-1' })).rejects.toMatchObject({
      message: expect.stringContaining('name'),
    });
  });

  it('the stored token is a hash, not the link', async () => {
    const { token, invitation } = await admin().member.invite({
      email: `h-${randomUUID()}@test.local`,
      role: 'ANALYST',
    });
    const row = await deps.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
