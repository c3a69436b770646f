-- CreateTable
CREATE TABLE "PeriodLock" (
    "periodStart" DATETIME NOT NULL PRIMARY KEY,
    "lockedById" INTEGER,
    "lockedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PeriodLock_lockedById_fkey" FOREIGN KEY ("lockedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "departmentId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiKey_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EntryRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entryId" INTEGER NOT NULL,
    "changedById" INTEGER,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "oldValue" REAL,
    "newValue" REAL NOT NULL,
    "oldSampleSize" INTEGER,
    "newSampleSize" INTEGER,
    "oldSource" TEXT,
    "newSource" TEXT NOT NULL,
    "oldNote" TEXT,
    "newNote" TEXT,
    "apiKeyId" INTEGER,
    CONSTRAINT "EntryRevision_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "MetricEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryRevision_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "EntryRevision_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_EntryRevision" ("changedAt", "changedById", "entryId", "id", "newNote", "newSampleSize", "newSource", "newValue", "oldNote", "oldSampleSize", "oldSource", "oldValue") SELECT "changedAt", "changedById", "entryId", "id", "newNote", "newSampleSize", "newSource", "newValue", "oldNote", "oldSampleSize", "oldSource", "oldValue" FROM "EntryRevision";
DROP TABLE "EntryRevision";
ALTER TABLE "new_EntryRevision" RENAME TO "EntryRevision";
CREATE INDEX "EntryRevision_entryId_changedAt_idx" ON "EntryRevision"("entryId", "changedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_departmentId_idx" ON "ApiKey"("departmentId");

