-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ownerEmail" TEXT,
    "ownerName" TEXT,
    "primaryDomainUrl" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "brandColor" TEXT,
    "appInstallationId" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ChatwootAccount" (
    "shop" TEXT NOT NULL,
    "accountId" INTEGER,
    "serviceUserId" INTEGER,
    "serviceUserEmail" TEXT,
    "serviceTokenCipher" TEXT,
    "merchantUserId" INTEGER,
    "inboxId" INTEGER,
    "websiteToken" TEXT,
    "hmacTokenCipher" TEXT,
    "widgetColor" TEXT,
    "dashboardAppId" INTEGER,
    "orderViewTokenVersion" INTEGER NOT NULL DEFAULT 1,
    "metafieldsSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatwootAccount_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "Provisioning" (
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "currentStep" TEXT,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "runs" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Provisioning_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ProvisioningStep" (
    "shop" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "detail" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProvisioningStep_pkey" PRIMARY KEY ("shop","step")
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");
