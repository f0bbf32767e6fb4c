import { z } from 'zod';
import { ROLES } from './enums';

export const ZMemberAddInput = z.object({
  email: z.string().trim().email('must be an email address'),
  name: z.string().trim().min(1, 'is required').max(200),
  role: z.enum(ROLES),
  /** Only for an email without an account yet: its first password, set by the admin. */
  password: z.string().min(8, 'must be at least 8 characters').max(128).optional(),
});
export type MemberAddInput = z.input<typeof ZMemberAddInput>;

export const ZMemberRoleInput = z.object({ membershipId: z.string().min(1), role: z.enum(ROLES) });
export type MemberRoleInput = z.input<typeof ZMemberRoleInput>;

export const ZMemberRemoveInput = z.object({ membershipId: z.string().min(1) });
export type MemberRemoveInput = z.input<typeof ZMemberRemoveInput>;
