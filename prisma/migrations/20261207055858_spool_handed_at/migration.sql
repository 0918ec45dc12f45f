-- AlterTable
ALTER TABLE "Spool" ADD COLUMN     "handedAt" TIMESTAMPTZ(3);
