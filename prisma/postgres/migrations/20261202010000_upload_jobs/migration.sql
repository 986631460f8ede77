-- CreateTable
CREATE TABLE "UploadJob" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "UploadJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UploadJob_status_idx" ON "UploadJob"("status");

