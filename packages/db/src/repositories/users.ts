import { randomUUID } from 'node:crypto';
import type { Tx } from '../client';

/** The auth library's password hash (better-auth's scrypt), handed in so accounts sign in like real ones. */
export interface PasswordHasher {
  hashPassword: (password: string) => Promise<string>;
}

export function findUserByEmail(db: Tx, email: string) {
  return db.user.findUnique({ where: { email: email.toLowerCase() } });
}

/** Creates a user with an email+password credential the way better-auth stores one. */
export async function createPasswordUser(
  db: Tx,
  deps: PasswordHasher,
  user: { email: string; name: string; password: string },
) {
  const id = randomUUID();
  const password = await deps.hashPassword(user.password);
  return db.user.create({
    data: {
      id,
      email: user.email.toLowerCase(),
      name: user.name,
      emailVerified: true,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password } },
    },
  });
}
