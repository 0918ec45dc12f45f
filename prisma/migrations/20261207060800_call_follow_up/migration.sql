-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "followUpTransmissionId" UUID;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "followUpCampaignId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Organization_followUpCampaignId_key" ON "Organization"("followUpCampaignId");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_followUpCampaignId_fkey" FOREIGN KEY ("followUpCampaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_followUpTransmissionId_fkey" FOREIGN KEY ("followUpTransmissionId") REFERENCES "Transmission"("id") ON DELETE SET NULL ON UPDATE CASCADE;
