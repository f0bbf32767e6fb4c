-- Membership by consent (issue 10, point 10): an admin invites an email with a role; the person accepts —
-- after signing in when they have an account, or by choosing a password through the invitation's link.
-- Only the link token's SHA-256 is stored.
CREATE TYPE "InvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED');

CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "status" "InvitationStatus" NOT NULL DEFAULT 'PENDING',
    "invitedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "respondedAt" TIMESTAMP(3),
    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");
CREATE INDEX "Invitation_workspaceId_status_idx" ON "Invitation"("workspaceId", "status");
CREATE INDEX "Invitation_email_status_idx" ON "Invitation"("email", "status");
-- At most one open invitation per (workspace, email): inviting again replaces it (Prisma's schema language
-- has no partial unique index, so this one lives only here).
CREATE UNIQUE INDEX "Invitation_one_pending_key" ON "Invitation"("workspaceId", "email") WHERE "status" = 'PENDING';

ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
