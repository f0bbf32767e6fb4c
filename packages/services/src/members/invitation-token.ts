import { createHash, randomBytes } from 'node:crypto';

/** A link token (256 random bits, base64url) and what is stored of it: only its SHA-256. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');
