-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "digestSchedule" TEXT NOT NULL DEFAULT '0 8 * * 1',
ADD COLUMN     "reminderNudgeHours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "sessionIdleMinutes" INTEGER NOT NULL DEFAULT 480,
ADD COLUMN     "sessionMaxHours" INTEGER NOT NULL DEFAULT 168,
ADD COLUMN     "shortfallAlertPoints" DOUBLE PRECISION DEFAULT 5;

-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "revokedReason" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "endpointId" INTEGER,
ADD COLUMN     "eventId" TEXT,
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "responseStatus" INTEGER;

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","event","channel")
);

-- CreateTable
CREATE TABLE "TouchpointFollower" (
    "userId" INTEGER NOT NULL,
    "touchpointId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TouchpointFollower_pkey" PRIMARY KEY ("userId","touchpointId")
);

-- CreateTable
CREATE TABLE "JourneyFollower" (
    "userId" INTEGER NOT NULL,
    "journeyId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyFollower_pkey" PRIMARY KEY ("userId","journeyId")
);

-- CreateTable
CREATE TABLE "AlertState" (
    "id" SERIAL NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "touchpointId" INTEGER,
    "journeyId" INTEGER,
    "firing" BOOLEAN NOT NULL,
    "crossings" INTEGER NOT NULL DEFAULT 0,
    "period" TIMESTAMP(3),
    "value" DOUBLE PRECISION,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endedReason" TEXT,
    "userAgent" TEXT,
    "address" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "OutboxMessage_endpointId_createdAt_idx" ON "OutboxMessage"("endpointId", "createdAt");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TouchpointFollower" ADD CONSTRAINT "TouchpointFollower_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TouchpointFollower" ADD CONSTRAINT "TouchpointFollower_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyFollower" ADD CONSTRAINT "JourneyFollower_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyFollower" ADD CONSTRAINT "JourneyFollower_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertState" ADD CONSTRAINT "AlertState_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertState" ADD CONSTRAINT "AlertState_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

