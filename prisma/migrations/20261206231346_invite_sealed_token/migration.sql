-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "tokenSealed" TEXT;
