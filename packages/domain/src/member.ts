import { z } from 'zod';
import { ROLES } from './enums';
import { text } from './zod-safe';

export const ZMemberAddInput = z.object({
  email: text().trim().email('must be an email address'),
  name: text().trim().min(1, 'is required').max(200),
  role: z.enum(ROLES),
  /** Only for an email without an account yet: its first password, set by the admin. */
  password: text().min(8, 'must be at least 8 characters').max(128).optional(),
});
export type MemberAddInput = z.input<typeof ZMemberAddInput>;

export const ZMemberRoleInput = z.object({ membershipId: text().min(1), role: z.enum(ROLES) });
export type MemberRoleInput = z.input<typeof ZMemberRoleInput>;

export const ZMemberRemoveInput = z.object({ membershipId: text().min(1) });
export type MemberRemoveInput = z.input<typeof ZMemberRemoveInput>;
