-- Access links, external users and conversations (issue 22). New tables only; nothing existing is rewritten.

-- CreateEnum
CREATE TYPE "ConversationType" AS ENUM ('chat', 'group');

-- CreateTable
CREATE TABLE "ExternalUser" (
    "userId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "uniqueId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "deviceName" TEXT NOT NULL,
    "hardwareId" TEXT NOT NULL,
    "osVersion" TEXT NOT NULL,
    "keyPrefix" TEXT,
    "keyHash" TEXT,
    "keyIssuedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExternalUser_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "AccessLink" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "externalUserId" UUID NOT NULL,
    "botId" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "tokenHash" TEXT NOT NULL,
    "tokenSealed" TEXT NOT NULL,
    "maxUses" INTEGER NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "type" "ConversationType" NOT NULL,
    "name" TEXT,
    "chatKey" TEXT,
    "createdById" UUID,
    "lastMessageAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationParticipant" (
    "conversationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "lastReadAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationParticipant_pkey" PRIMARY KEY ("conversationId","userId")
);

-- CreateTable
CREATE TABLE "ConversationMessage" (
    "id" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "senderId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExternalUser_keyHash_key" ON "ExternalUser"("keyHash");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalUser_organizationId_uniqueId_key" ON "ExternalUser"("organizationId", "uniqueId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalUser_userId_organizationId_key" ON "ExternalUser"("userId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessLink_tokenHash_key" ON "AccessLink"("tokenHash");

-- CreateIndex
CREATE INDEX "AccessLink_organizationId_externalUserId_expiresAt_idx" ON "AccessLink"("organizationId", "externalUserId", "expiresAt");

-- CreateIndex
CREATE INDEX "Conversation_organizationId_lastMessageAt_idx" ON "Conversation"("organizationId", "lastMessageAt");

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_organizationId_chatKey_key" ON "Conversation"("organizationId", "chatKey");

-- CreateIndex
CREATE INDEX "ConversationParticipant_userId_idx" ON "ConversationParticipant"("userId");

-- CreateIndex
CREATE INDEX "ConversationMessage_conversationId_createdAt_id_idx" ON "ConversationMessage"("conversationId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "ExternalUser" ADD CONSTRAINT "ExternalUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalUser" ADD CONSTRAINT "ExternalUser_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessLink" ADD CONSTRAINT "AccessLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessLink" ADD CONSTRAINT "AccessLink_externalUserId_organizationId_fkey" FOREIGN KEY ("externalUserId", "organizationId") REFERENCES "ExternalUser"("userId", "organizationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationParticipant" ADD CONSTRAINT "ConversationParticipant_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationParticipant" ADD CONSTRAINT "ConversationParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationMessage" ADD CONSTRAINT "ConversationMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A link is used at most maxUses times (redeeming is one conditional UPDATE; this holds even against a bug there).
ALTER TABLE "AccessLink" ADD CONSTRAINT "AccessLink_uses_check" CHECK ("maxUses" >= 1 AND "uses" >= 0 AND "uses" <= "maxUses");

-- A chat has its pair key, a group has none.
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_chatKey_check" CHECK (("type" = 'chat') = ("chatKey" IS NOT NULL));

-- A message has 1 to 4,000 characters.
ALTER TABLE "ConversationMessage" ADD CONSTRAINT "ConversationMessage_body_check" CHECK (char_length("body") BETWEEN 1 AND 4000);
