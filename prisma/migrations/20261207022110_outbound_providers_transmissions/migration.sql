-- CreateEnum
CREATE TYPE "ProviderType" AS ENUM ('smtp', 'twilio', 'http', 'kannel');

-- CreateEnum
CREATE TYPE "ProviderService" AS ENUM ('sms', 'email', 'voice', 'fax');

-- CreateEnum
CREATE TYPE "TransmissionDirection" AS ENUM ('outbound', 'inbound');

-- CreateEnum
CREATE TYPE "TransmissionStatus" AS ENUM ('pending', 'processing', 'completed', 'failed', 'invalid');

-- CreateEnum
CREATE TYPE "SpoolStatus" AS ENUM ('initiated', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "ScheduleStatus" AS ENUM ('scheduled', 'fired', 'cancelled');

-- CreateTable
CREATE TABLE "Provider" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ProviderType" NOT NULL,
    "serviceFlags" "ProviderService"[],
    "host" TEXT NOT NULL,
    "port" INTEGER,
    "username" TEXT NOT NULL DEFAULT '',
    "passwordSealed" TEXT,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "prefix" TEXT,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "nextSlotAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transmission" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "title" TEXT,
    "contactId" UUID,
    "programId" UUID,
    "accountId" UUID,
    "direction" "TransmissionDirection" NOT NULL DEFAULT 'outbound',
    "status" "TransmissionStatus" NOT NULL DEFAULT 'pending',
    "statusReason" TEXT,
    "providerId" UUID,
    "remoteAddress" TEXT,
    "localAddress" TEXT,
    "subject" TEXT,
    "body" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Transmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Spool" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "transmissionId" UUID NOT NULL,
    "providerId" UUID,
    "status" "SpoolStatus" NOT NULL DEFAULT 'initiated',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "connectedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "claimedUntil" TIMESTAMPTZ(3),
    "deferredUntil" TIMESTAMPTZ(3),
    "deferrals" INTEGER NOT NULL DEFAULT 0,
    "providerMessageId" TEXT,
    "response" JSONB,
    "error" TEXT,
    "deliveryStatus" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Spool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransmissionSchedule" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "transmissionId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "status" "ScheduleStatus" NOT NULL DEFAULT 'scheduled',
    "spoolId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TransmissionSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Provider_organizationId_name_idx" ON "Provider"("organizationId", "name");

-- CreateIndex
CREATE INDEX "Transmission_organizationId_createdAt_idx" ON "Transmission"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Transmission_organizationId_direction_status_idx" ON "Transmission"("organizationId", "direction", "status");

-- CreateIndex
CREATE INDEX "Transmission_programId_idx" ON "Transmission"("programId");

-- CreateIndex
CREATE INDEX "Transmission_contactId_idx" ON "Transmission"("contactId");

-- CreateIndex
CREATE INDEX "Spool_transmissionId_createdAt_idx" ON "Spool"("transmissionId", "createdAt");

-- CreateIndex
CREATE INDEX "Spool_organizationId_status_idx" ON "Spool"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Spool_providerId_providerMessageId_idx" ON "Spool"("providerId", "providerMessageId");

-- CreateIndex
CREATE INDEX "TransmissionSchedule_transmissionId_status_idx" ON "TransmissionSchedule"("transmissionId", "status");

-- AddForeignKey
ALTER TABLE "Provider" ADD CONSTRAINT "Provider_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transmission" ADD CONSTRAINT "Transmission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transmission" ADD CONSTRAINT "Transmission_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transmission" ADD CONSTRAINT "Transmission_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transmission" ADD CONSTRAINT "Transmission_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transmission" ADD CONSTRAINT "Transmission_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Spool" ADD CONSTRAINT "Spool_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Spool" ADD CONSTRAINT "Spool_transmissionId_fkey" FOREIGN KEY ("transmissionId") REFERENCES "Transmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Spool" ADD CONSTRAINT "Spool_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransmissionSchedule" ADD CONSTRAINT "TransmissionSchedule_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransmissionSchedule" ADD CONSTRAINT "TransmissionSchedule_transmissionId_fkey" FOREIGN KEY ("transmissionId") REFERENCES "Transmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
