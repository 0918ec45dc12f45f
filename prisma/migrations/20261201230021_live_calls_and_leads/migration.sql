-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('requested', 'active', 'completed', 'missed', 'expired');

-- CreateEnum
CREATE TYPE "DealerPresence" AS ENUM ('online', 'offline');

-- CreateEnum
CREATE TYPE "CallActor" AS ENUM ('customer', 'user', 'apiKey', 'system');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "loanLinkUrl" TEXT;

-- CreateTable
CREATE TABLE "Dealer" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "presence" "DealerPresence" NOT NULL DEFAULT 'offline',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "phone" TEXT,
    "lastPingAt" TIMESTAMPTZ(3),
    "presenceAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Dealer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Call" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "status" "CallStatus" NOT NULL DEFAULT 'requested',
    "tokenHash" TEXT NOT NULL,
    "vin" TEXT NOT NULL,
    "carMake" TEXT,
    "carModel" TEXT,
    "carType" TEXT,
    "modelYear" INTEGER,
    "vehicle" JSONB NOT NULL,
    "customerFirstName" TEXT,
    "customerLastName" TEXT,
    "customerPhone" TEXT,
    "customerEmail" TEXT,
    "dealerId" UUID,
    "note" TEXT,
    "noteUpdatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallEvent" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "code" TEXT,
    "actor" "CallActor" NOT NULL,
    "actorId" UUID,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallMessage" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "sender" "CallActor" NOT NULL,
    "senderUserId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lead" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "callId" UUID,
    "vin" TEXT NOT NULL,
    "carMake" TEXT,
    "carModel" TEXT,
    "carType" TEXT,
    "modelYear" INTEGER,
    "vehicle" JSONB NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "comment" TEXT,
    "dealerId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dealer_membershipId_key" ON "Dealer"("membershipId");

-- CreateIndex
CREATE INDEX "Dealer_organizationId_presence_idx" ON "Dealer"("organizationId", "presence");

-- CreateIndex
CREATE UNIQUE INDEX "Dealer_organizationId_userId_key" ON "Dealer"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Call_tokenHash_key" ON "Call"("tokenHash");

-- CreateIndex
CREATE INDEX "Call_organizationId_createdAt_idx" ON "Call"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Call_organizationId_status_createdAt_idx" ON "Call"("organizationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Call_organizationId_carMake_createdAt_idx" ON "Call"("organizationId", "carMake", "createdAt");

-- CreateIndex
CREATE INDEX "Call_organizationId_dealerId_createdAt_idx" ON "Call"("organizationId", "dealerId", "createdAt");

-- CreateIndex
CREATE INDEX "Call_organizationId_vin_idx" ON "Call"("organizationId", "vin");

-- CreateIndex
CREATE INDEX "CallEvent_callId_createdAt_idx" ON "CallEvent"("callId", "createdAt");

-- CreateIndex
CREATE INDEX "CallMessage_callId_createdAt_idx" ON "CallMessage"("callId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_callId_key" ON "Lead"("callId");

-- CreateIndex
CREATE INDEX "Lead_organizationId_createdAt_idx" ON "Lead"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Lead_organizationId_carMake_createdAt_idx" ON "Lead"("organizationId", "carMake", "createdAt");

-- CreateIndex
CREATE INDEX "Lead_organizationId_dealerId_createdAt_idx" ON "Lead"("organizationId", "dealerId", "createdAt");

-- AddForeignKey
ALTER TABLE "Dealer" ADD CONSTRAINT "Dealer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dealer" ADD CONSTRAINT "Dealer_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallEvent" ADD CONSTRAINT "CallEvent_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallMessage" ADD CONSTRAINT "CallMessage_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;
