-- AlterTable
ALTER TABLE "Profile" ADD COLUMN "alboRegistration" TEXT;

