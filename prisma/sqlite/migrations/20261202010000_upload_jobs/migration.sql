-- CreateTable
CREATE TABLE "UploadJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "errorCode" TEXT,
    "error" TEXT,
    "files" TEXT NOT NULL,
    "uploadedBytes" INTEGER NOT NULL DEFAULT 0,
    "contentSha256" TEXT NOT NULL,
    "repeatOfId" TEXT,
    "uploaderId" TEXT,
    "notify" BOOLEAN NOT NULL DEFAULT true,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "UploadJob_status_idx" ON "UploadJob"("status");

