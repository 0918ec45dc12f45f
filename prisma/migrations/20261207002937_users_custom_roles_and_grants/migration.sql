-- Users, custom roles and direct grants (issue 21). Safe on existing data: every change adds a nullable column or a
-- table, or relaxes a NOT NULL; no row is rewritten. Built-in roles stay the "Role" enum; a member holding a custom
-- role keeps role = 'member' underneath (the CHECK at the end), so code reading only the enum never sees more.

-- AlterTable
ALTER TABLE "Invite" ALTER COLUMN "teamId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "customRoleId" UUID;

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "CustomRole" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" CITEXT NOT NULL,
    "description" TEXT,
    "permissions" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CustomRole_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CustomRole_organizationId_name_key" ON "CustomRole"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CustomRole_id_organizationId_key" ON "CustomRole"("id", "organizationId");

-- CreateIndex
CREATE INDEX "Membership_customRoleId_idx" ON "Membership"("customRoleId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_customRoleId_organizationId_fkey" FOREIGN KEY ("customRoleId", "organizationId") REFERENCES "CustomRole"("id", "organizationId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomRole" ADD CONSTRAINT "CustomRole_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A custom role replaces the built-in one: its holder's enum role is the plain member role, never owner or admin.
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_customRole_is_member_check" CHECK ("customRoleId" IS NULL OR "role" = 'member');
