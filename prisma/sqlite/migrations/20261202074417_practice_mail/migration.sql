-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN "lastReminderAt" DATETIME;

-- CreateTable
CREATE TABLE "MailSettings" (
    "practitionerId" TEXT NOT NULL PRIMARY KEY,
    "senderName" TEXT,
    "replyTo" TEXT,
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpSecurity" TEXT NOT NULL DEFAULT 'starttls',
    "smtpUser" TEXT,
    "smtpPasswordEnc" TEXT,
    "smtpFrom" TEXT,
    "invoiceSubject" TEXT,
    "invoiceBody" TEXT,
    "reminderSubject" TEXT,
    "reminderBody" TEXT,
    "statementSubject" TEXT,
    "statementBody" TEXT,
    "reminderAfterDays" INTEGER NOT NULL DEFAULT 30,
    "autoReminders" BOOLEAN NOT NULL DEFAULT false,
    "reminderEveryDays" INTEGER NOT NULL DEFAULT 15,
    "limitBasis" TEXT NOT NULL DEFAULT 'fees',
    "limitLowerCents" INTEGER NOT NULL DEFAULT 8500000,
    "limitUpperCents" INTEGER NOT NULL DEFAULT 10000000,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MailSettings_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "practitionerId" TEXT NOT NULL,
    "invoiceId" TEXT,
    "patientId" TEXT,
    "kind" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attachmentName" TEXT,
    "attachment" BLOB,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutboxMessage_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OutboxMessage_practitionerId_createdAt_idx" ON "OutboxMessage"("practitionerId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_invoiceId_idx" ON "OutboxMessage"("invoiceId");

