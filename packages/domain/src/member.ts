import { z } from 'zod';
import { ROLES } from './enums';
import { text } from './zod-safe';

/** How long an invitation's link and its in-app offer stay open. */
export const INVITATION_TTL_DAYS = 7;

const email = () => text().trim().toLowerCase().max(254).email('must be an email address');

/**
 * An admin invites by email and role only: whether the email already has an account is none of the
 * inviting workspace's business (the answer is the same either way), and the person accepts or declines.
 */
export const ZMemberInviteInput = z.object({ email: email(), role: z.enum(ROLES) });
export type MemberInviteInput = z.input<typeof ZMemberInviteInput>;

export const ZInvitationIdInput = z.object({ invitationId: text().min(1).max(100) });
export type InvitationIdInput = z.input<typeof ZInvitationIdInput>;

/** A link token: 32 random bytes in base64url (43 characters). */
export const ZInvitationToken = text().trim().min(20, 'is not a valid invitation link').max(200);

export const ZInvitationTokenInput = z.object({ token: ZInvitationToken });
export type InvitationTokenInput = z.input<typeof ZInvitationTokenInput>;

/** A new person's own account, created through the invitation's link. */
export const ZInvitationClaimInput = z.object({
  token: ZInvitationToken,
  name: text().trim().min(1, 'is required').max(200),
  password: text().min(8, 'must be at least 8 characters').max(128),
});
export type InvitationClaimInput = z.input<typeof ZInvitationClaimInput>;

export const ZMemberRoleInput = z.object({ membershipId: text().min(1), role: z.enum(ROLES) });
export type MemberRoleInput = z.input<typeof ZMemberRoleInput>;

export const ZMemberRemoveInput = z.object({ membershipId: text().min(1) });
export type MemberRemoveInput = z.input<typeof ZMemberRemoveInput>;
