-- AlterEnum
ALTER TYPE "ProviderType" ADD VALUE 'sink';

-- CreateTable
CREATE TABLE "SinkMessage" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "providerId" UUID,
    "spoolId" UUID NOT NULL,
    "service" "ProviderService" NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "playUrl" TEXT,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "emailMessageId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SinkMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SinkMessage_spoolId_key" ON "SinkMessage"("spoolId");

-- CreateIndex
CREATE INDEX "SinkMessage_organizationId_createdAt_idx" ON "SinkMessage"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "SinkMessage_createdAt_idx" ON "SinkMessage"("createdAt");

-- CreateIndex
CREATE INDEX "SinkMessage_emailMessageId_idx" ON "SinkMessage"("emailMessageId");

-- AddForeignKey
ALTER TABLE "SinkMessage" ADD CONSTRAINT "SinkMessage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SinkMessage" ADD CONSTRAINT "SinkMessage_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SinkMessage" ADD CONSTRAINT "SinkMessage_emailMessageId_fkey" FOREIGN KEY ("emailMessageId") REFERENCES "EmailMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
