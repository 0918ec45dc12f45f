-- AlterTable
ALTER TABLE "Transmission" ADD COLUMN     "mediaId" UUID;
