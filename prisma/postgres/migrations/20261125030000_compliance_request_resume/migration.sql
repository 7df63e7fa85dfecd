-- AlterTable
ALTER TABLE "ComplianceRequest" ADD COLUMN     "resumeWith" TEXT;

