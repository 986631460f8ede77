-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "contentSha256" TEXT;
ALTER TABLE "Incident" ADD COLUMN "repeatOfId" TEXT;

-- CreateIndex
CREATE INDEX "Incident_contentSha256_idx" ON "Incident"("contentSha256");
