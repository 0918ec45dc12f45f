-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "recordingSince" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "PracticeSession" ADD COLUMN     "callId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "PracticeSession_callId_key" ON "PracticeSession"("callId");

-- AddForeignKey
ALTER TABLE "PracticeSession" ADD CONSTRAINT "PracticeSession_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;
