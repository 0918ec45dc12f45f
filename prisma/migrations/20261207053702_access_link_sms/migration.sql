-- AlterTable
ALTER TABLE "Transmission" ADD COLUMN     "accessLinkId" UUID;

-- CreateIndex
CREATE INDEX "Transmission_accessLinkId_idx" ON "Transmission"("accessLinkId");

-- AddForeignKey
ALTER TABLE "Transmission" ADD CONSTRAINT "Transmission_accessLinkId_fkey" FOREIGN KEY ("accessLinkId") REFERENCES "AccessLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;
