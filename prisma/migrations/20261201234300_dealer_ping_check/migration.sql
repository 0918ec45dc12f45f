-- AlterTable
ALTER TABLE "Dealer" ADD COLUMN     "pingCheckAt" TIMESTAMPTZ(3);
