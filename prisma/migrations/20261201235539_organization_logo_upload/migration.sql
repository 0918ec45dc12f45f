-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "imageId" UUID;
