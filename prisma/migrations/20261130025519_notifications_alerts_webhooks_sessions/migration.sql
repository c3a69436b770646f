-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN "revokedReason" TEXT;

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "event", "channel"),
    CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TouchpointFollower" (
    "userId" INTEGER NOT NULL,
    "touchpointId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "touchpointId"),
    CONSTRAINT "TouchpointFollower_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TouchpointFollower_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JourneyFollower" (
    "userId" INTEGER NOT NULL,
    "journeyId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "journeyId"),
    CONSTRAINT "JourneyFollower_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JourneyFollower_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subjectKey" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "touchpointId" INTEGER,
    "journeyId" INTEGER,
    "firing" BOOLEAN NOT NULL,
    "crossings" INTEGER NOT NULL DEFAULT 0,
    "period" DATETIME,
    "value" REAL,
    "changedAt" DATETIME NOT NULL,
    CONSTRAINT "AlertState_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AlertState_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endedReason" TEXT,
    "userAgent" TEXT,
    "address" TEXT,
    CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organisation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "name" TEXT NOT NULL,
    "periodGranularity" TEXT NOT NULL DEFAULT 'WEEK',
    "momentOfTruthMultiplier" REAL NOT NULL DEFAULT 2,
    "bandGoodMin" REAL NOT NULL DEFAULT 75,
    "bandFairMin" REAL NOT NULL DEFAULT 60,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "reminderSchedule" TEXT NOT NULL DEFAULT '0 10 * * 1',
    "reminderNudgeHours" INTEGER NOT NULL DEFAULT 24,
    "digestSchedule" TEXT NOT NULL DEFAULT '0 8 * * 1',
    "shortfallAlertPoints" REAL DEFAULT 5,
    "sessionIdleMinutes" INTEGER NOT NULL DEFAULT 480,
    "sessionMaxHours" INTEGER NOT NULL DEFAULT 168,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organisation" ("bandFairMin", "bandGoodMin", "createdAt", "id", "momentOfTruthMultiplier", "name", "periodGranularity", "reminderSchedule", "timeZone", "updatedAt") SELECT "bandFairMin", "bandGoodMin", "createdAt", "id", "momentOfTruthMultiplier", "name", "periodGranularity", "reminderSchedule", "timeZone", "updatedAt" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE TABLE "new_OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "idempotencyKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipientId" INTEGER,
    "endpointId" INTEGER,
    "eventId" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "html" TEXT,
    "href" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lockedUntil" DATETIME,
    "lockedBy" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "lastAttemptAt" DATETIME,
    "responseStatus" INTEGER,
    CONSTRAINT "OutboxMessage_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "body", "channel", "createdAt", "href", "html", "id", "idempotencyKey", "kind", "lastError", "lockedBy", "lockedUntil", "nextAttemptAt", "recipientId", "sentAt", "status", "subject") SELECT "attempts", "body", "channel", "createdAt", "href", "html", "id", "idempotencyKey", "kind", "lastError", "lockedBy", "lockedUntil", "nextAttemptAt", "recipientId", "sentAt", "status", "subject" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_endpointId_createdAt_idx" ON "OutboxMessage"("endpointId", "createdAt");
CREATE INDEX "OutboxMessage_status_lockedUntil_idx" ON "OutboxMessage"("status", "lockedUntil");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TouchpointFollower_touchpointId_idx" ON "TouchpointFollower"("touchpointId");

-- CreateIndex
CREATE INDEX "JourneyFollower_journeyId_idx" ON "JourneyFollower"("journeyId");

-- CreateIndex
CREATE UNIQUE INDEX "AlertState_subjectKey_key" ON "AlertState"("subjectKey");

-- CreateIndex
CREATE INDEX "AlertState_touchpointId_idx" ON "AlertState"("touchpointId");

-- CreateIndex
CREATE INDEX "AlertState_journeyId_idx" ON "AlertState"("journeyId");

-- CreateIndex
CREATE INDEX "UserSession_userId_endedAt_idx" ON "UserSession"("userId", "endedAt");

