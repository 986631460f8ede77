-- CreateTable
CREATE TABLE "KbEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "document" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "KbRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entryId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "authorName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "KbRevision_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "KbEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "title" TEXT NOT NULL,
    "hosts" TEXT NOT NULL DEFAULT '',
    "kernels" TEXT NOT NULL DEFAULT '',
    "kbIds" TEXT NOT NULL DEFAULT '',
    "findingCount" INTEGER NOT NULL DEFAULT 0,
    "totalBytes" INTEGER NOT NULL DEFAULT 0,
    "result" TEXT NOT NULL,
    "kbGeneration" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "IncidentFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL DEFAULT 0,
    "compressed" BOOLEAN NOT NULL DEFAULT false,
    "storagePath" TEXT NOT NULL,
    CONSTRAINT "IncidentFile_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FindingRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "host" TEXT,
    "time" DATETIME,
    "kernelRelease" TEXT,
    "topKbId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FindingRecord_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "KbEntry_origin_idx" ON "KbEntry"("origin");

-- CreateIndex
CREATE INDEX "KbEntry_component_idx" ON "KbEntry"("component");

-- CreateIndex
CREATE UNIQUE INDEX "KbRevision_entryId_revision_key" ON "KbRevision"("entryId", "revision");

-- CreateIndex
CREATE INDEX "Incident_createdAt_idx" ON "Incident"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentFile_incidentId_index_key" ON "IncidentFile"("incidentId", "index");

-- CreateIndex
CREATE INDEX "FindingRecord_signature_idx" ON "FindingRecord"("signature");

-- CreateIndex
CREATE INDEX "FindingRecord_topKbId_idx" ON "FindingRecord"("topKbId");

