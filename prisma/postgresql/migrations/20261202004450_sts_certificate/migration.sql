-- CreateTable
CREATE TABLE "StsCertificate" (
    "environment" TEXT NOT NULL,
    "pem" TEXT,
    "fingerprint" TEXT,
    "installedAt" TIMESTAMP(3),
    "rejectedAt" TIMESTAMP(3),
    "rejectedFingerprint" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StsCertificate_pkey" PRIMARY KEY ("environment")
);

