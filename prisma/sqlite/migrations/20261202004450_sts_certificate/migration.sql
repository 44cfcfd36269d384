-- CreateTable
CREATE TABLE "StsCertificate" (
    "environment" TEXT NOT NULL PRIMARY KEY,
    "pem" TEXT,
    "fingerprint" TEXT,
    "installedAt" DATETIME,
    "rejectedAt" DATETIME,
    "rejectedFingerprint" TEXT,
    "updatedAt" DATETIME NOT NULL
);

